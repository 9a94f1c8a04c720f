using PolicyBot.Bot;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables.Embedded;

namespace PolicyBot.Tests.Bot;

/// <summary>
/// <see cref="TableConversationReferenceStore"/> against a real table: the embedded store and Azurite must
/// behave the same. Each test uses its own conversation, user and tenant ids.
/// </summary>
public abstract class TableConversationReferenceStoreTests : IAsyncLifetime
{
    const string ServiceUrl = "https://smba.trafficmanager.net/uk/";

    readonly string _tenantId = Guid.NewGuid().ToString();
    readonly string _userId = Guid.NewGuid().ToString();

    protected abstract TableServiceClient Service { get; }

    TableConversationReferenceStore Store => new(Service, TimeProvider.System);

    public async Task InitializeAsync() => await Service.CreateTableIfNotExistsAsync(TableConversationReferenceStore.TableName);

    public Task DisposeAsync() => Task.CompletedTask;

    static string NewConversationId() => "a:1" + Guid.NewGuid().ToString("N");

    ConversationReference Reference(string conversationId, string type = "personal", string serviceUrl = ServiceUrl) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Locale = "en-GB",
        Bot = new ChannelAccount { Id = TestActivities.BotId, Name = "PolicyBot" },
        User = new ChannelAccount { Id = "29:alex", Name = "Alex Wilber", AadObjectId = _userId },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = type, TenantId = _tenantId },
    };

    [Fact]
    public async Task The_first_save_of_a_conversation_is_new_and_later_saves_are_not()
    {
        var reference = Reference(NewConversationId());

        (await Store.SaveAsync(reference, _userId)).Should().BeTrue();
        (await Store.SaveAsync(reference, _userId)).Should().BeFalse();
        (await Store.SaveAsync(reference, _userId)).Should().BeFalse();
    }

    [Fact]
    public async Task A_saved_reference_reads_back_whole()
    {
        var reference = Reference(NewConversationId());
        await Store.SaveAsync(reference, _userId);

        var read = await Store.GetAsync(reference.Conversation!.Id!);

        read.Should().NotBeNull();
        read!.ServiceUrl.Should().Be(ServiceUrl);
        read.ChannelId.Should().Be("msteams");
        read.Locale.Should().Be("en-GB");
        read.Bot!.Id.Should().Be(TestActivities.BotId);
        read.User!.AadObjectId.Should().Be(_userId);
        read.Conversation!.Id.Should().Be(reference.Conversation.Id);
        read.Conversation.ConversationType.Should().Be("personal");
        read.Conversation.TenantId.Should().Be(_tenantId);
    }

    [Fact]
    public async Task An_unknown_conversation_is_null()
    {
        (await Store.GetAsync(NewConversationId())).Should().BeNull();
    }

    [Fact]
    public async Task A_personal_conversation_is_found_by_its_user_whatever_the_case_of_the_id()
    {
        var reference = Reference(NewConversationId());
        await Store.SaveAsync(reference, _userId);

        (await Store.GetForUserAsync(_userId))!.Conversation!.Id.Should().Be(reference.Conversation!.Id);
        (await Store.GetForUserAsync(_userId.ToUpperInvariant()))!.Conversation!.Id.Should().Be(reference.Conversation.Id);
    }

    [Fact]
    public async Task A_user_who_never_installed_the_bot_has_no_personal_conversation()
    {
        (await Store.GetForUserAsync(Guid.NewGuid().ToString())).Should().BeNull();
    }

    [Fact]
    public async Task A_channel_conversation_is_not_taken_for_the_users_personal_chat()
    {
        await Store.SaveAsync(Reference("19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2", type: "channel"), _userId);

        (await Store.GetForUserAsync(_userId)).Should().BeNull();
    }

    [Fact]
    public async Task Saving_again_refreshes_the_reference_and_the_users_index()
    {
        var conversationId = NewConversationId();
        await Store.SaveAsync(Reference(conversationId), _userId);

        await Store.SaveAsync(Reference(conversationId, serviceUrl: "https://smba.trafficmanager.net/emea/"), _userId);

        (await Store.GetAsync(conversationId))!.ServiceUrl.Should().Be("https://smba.trafficmanager.net/emea/");
        (await Store.GetForUserAsync(_userId))!.ServiceUrl.Should().Be("https://smba.trafficmanager.net/emea/");
    }

    [Fact]
    public async Task Removing_a_conversation_forgets_it_and_the_users_index()
    {
        var conversationId = NewConversationId();
        await Store.SaveAsync(Reference(conversationId), _userId);

        await Store.RemoveAsync(conversationId);

        (await Store.GetAsync(conversationId)).Should().BeNull();
        (await Store.GetForUserAsync(_userId)).Should().BeNull();
        (await Store.SaveAsync(Reference(conversationId), _userId)).Should().BeTrue("a conversation the bot is added to again is new again");
    }

    [Fact]
    public async Task Removing_an_old_conversation_keeps_the_users_newer_personal_chat()
    {
        var old = NewConversationId();
        var current = NewConversationId();
        await Store.SaveAsync(Reference(old), _userId);
        await Store.SaveAsync(Reference(current), _userId);

        await Store.RemoveAsync(old);

        (await Store.GetForUserAsync(_userId))!.Conversation!.Id.Should().Be(current);
    }

    [Fact]
    public async Task Removing_an_unknown_conversation_is_not_an_error()
    {
        var remove = () => Store.RemoveAsync(NewConversationId());

        await remove.Should().NotThrowAsync();
    }

    [Fact]
    public async Task The_latest_service_url_of_a_tenant_is_kept_for_proactive_messages()
    {
        await Store.SaveAsync(Reference(NewConversationId()), _userId);
        await Store.SaveAsync(Reference("19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2", type: "channel", serviceUrl: "https://smba.trafficmanager.net/emea/"), null);

        (await Store.GetServiceUrlForTenantAsync(_tenantId)).Should().Be("https://smba.trafficmanager.net/emea/");
        (await Store.GetServiceUrlForTenantAsync(_tenantId.ToUpperInvariant())).Should().Be("https://smba.trafficmanager.net/emea/");
        (await Store.GetServiceUrlForTenantAsync(Guid.NewGuid().ToString())).Should().BeNull();
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1700000000000")]
    [InlineData("conv/with\\slashes#and?marks")]
    [InlineData("100%;'quoted'")]
    [InlineData("control\u0001\u001fchars")]
    public async Task Ids_with_any_characters_are_saved_found_and_removed(string oddity)
    {
        var conversationId = oddity + Guid.NewGuid().ToString("N");
        var userId = "user/" + Guid.NewGuid().ToString("N") + "#?";
        var reference = Reference(conversationId) with
        {
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = "tenant/" + oddity },
        };

        (await Store.SaveAsync(reference, userId)).Should().BeTrue();

        (await Store.GetAsync(conversationId))!.Conversation!.Id.Should().Be(conversationId);
        (await Store.GetForUserAsync(userId))!.Conversation!.Id.Should().Be(conversationId);
        (await Store.GetServiceUrlForTenantAsync("tenant/" + oddity)).Should().Be(ServiceUrl);
        (await Store.GetAsync(conversationId[..^1])).Should().BeNull();
        await Store.RemoveAsync(conversationId);
        (await Store.GetAsync(conversationId)).Should().BeNull();
    }

    [Fact]
    public async Task A_conversation_id_too_long_for_a_key_is_still_stored()
    {
        var conversationId = "19:" + new string('x', 1500) + "@thread.tacv2";

        (await Store.SaveAsync(Reference(conversationId), _userId)).Should().BeTrue();

        (await Store.GetAsync(conversationId))!.Conversation!.Id.Should().Be(conversationId);
    }

    [Fact]
    public async Task Of_concurrent_saves_of_a_new_conversation_exactly_one_is_told_it_is_new()
    {
        var reference = Reference(NewConversationId());

        // Separate store objects, as on separate instances.
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.SaveAsync(reference, _userId))));

        results.Count(isNew => isNew).Should().Be(1);
    }

    [Fact]
    public async Task The_conversation_row_has_plain_columns_another_client_can_read()
    {
        var reference = Reference(NewConversationId());
        await Store.SaveAsync(reference, _userId);

        var row = (await Service.GetTableClient(TableConversationReferenceStore.TableName)
            .GetEntityAsync<TableEntity>(TableConversationReferenceStore.ConversationPartition, reference.Conversation!.Id!)).Value;

        row.GetString("ConversationId").Should().Be(reference.Conversation.Id);
        row.GetString("ServiceUrl").Should().Be(ServiceUrl);
        row.GetString("TenantId").Should().Be(_tenantId);
        row.GetString("ConversationType").Should().Be("personal");
        row.GetString("UserAadObjectId").Should().Be(_userId);
        row.GetDateTimeOffset("UpdatedAt").Should().NotBeNull();
        row.GetString("Reference").Should().Contain(reference.Conversation.Id).And.Contain("\"serviceUrl\"");
    }
}

/// <summary>The store on the embedded SQLite store, in a temporary file for this class.</summary>
public sealed class EmbeddedTableConversationReferenceStoreTests(TemporaryDatabase database)
    : TableConversationReferenceStoreTests, IClassFixture<TemporaryDatabase>
{
    readonly TableServiceClient _service = new EmbeddedTableServiceClient(database.Path);

    protected override TableServiceClient Service => _service;
}

/// <summary>The store over HTTP against Azurite started for this class.</summary>
public sealed class AzuriteTableConversationReferenceStoreTests(AzuriteFixture azurite)
    : TableConversationReferenceStoreTests, IClassFixture<AzuriteFixture>
{
    readonly TableServiceClient _service = new(azurite.ConnectionString);

    protected override TableServiceClient Service => _service;
}
