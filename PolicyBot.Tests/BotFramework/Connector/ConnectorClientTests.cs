using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.BotFramework.Connector;

/// <summary>The Connector client against a local stand-in Connector (and a local Entra token endpoint).</summary>
public sealed class ConnectorClientTests : IClassFixture<ConnectorClientTests.Fixture>, IDisposable
{
    public sealed class Fixture : IAsyncLifetime
    {
        public LocalConnector Connector { get; private set; } = null!;
        public LocalEntraTokenEndpoint Entra { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Connector = await LocalConnector.StartAsync();
            Entra = await LocalEntraTokenEndpoint.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Connector.DisposeAsync();
            await Entra.DisposeAsync();
        }
    }

    const string ConversationId = "19:general@thread.tacv2;messageid=1700000000000";
    const string EscapedConversationId = "19%3Ageneral%40thread.tacv2%3Bmessageid%3D1700000000000";

    readonly Fixture _fixture;
    readonly LocalConnector _connector;
    readonly HttpClient _http = new();
    readonly ConnectorClient _client;

    public ConnectorClientTests(Fixture fixture)
    {
        _fixture = fixture;
        _connector = fixture.Connector;
        _connector.Clear();
        _client = new ConnectorClient(_http, new BotOptions(), credential: null, TimeProvider.System, NullLogger.Instance);
    }

    public void Dispose() => _http.Dispose();

    static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task A_reply_is_posted_to_the_activity_in_its_conversation()
    {
        var response = await _client.ReplyToActivityAsync(_connector.ServiceUrl, ConversationId, "1:abc", Message("hello"));

        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.RawPath.Should().Be($"/v3/conversations/{EscapedConversationId}/activities/1%3Aabc");
        request.Header("Content-Type").Should().StartWith("application/json");
        request.Json.GetProperty("text").GetString().Should().Be("hello");
        response.Id.Should().StartWith("activity-");
    }

    [Fact]
    public async Task A_message_is_sent_to_the_conversation()
    {
        await _client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("hello"));

        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("POST");
        request.RawPath.Should().Be($"/v3/conversations/{EscapedConversationId}/activities");
    }

    [Fact]
    public async Task An_update_replaces_the_activity_with_put()
    {
        await _client.UpdateActivityAsync(_connector.ServiceUrl, ConversationId, "1:card", Message("updated"));

        var request = _connector.Requests.Should().ContainSingle().Subject;
        request.Method.Should().Be("PUT");
        request.RawPath.Should().Be($"/v3/conversations/{EscapedConversationId}/activities/1%3Acard");
        request.Json.GetProperty("text").GetString().Should().Be("updated");
    }

    [Fact]
    public async Task A_proactive_personal_conversation_is_created_with_the_member_and_tenant_then_messaged()
    {
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = TestActivities.BotId },
            Members = [new ChannelAccount { Id = "29:alex" }],
            TenantId = TestActivities.TenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TestActivities.TenantId } },
        };

        var created = await _client.CreateConversationAsync(_connector.ServiceUrl, parameters);
        await _client.SendToConversationAsync(_connector.ServiceUrl, created.Id!, Message("Your request was approved."));

        _connector.Requests.Should().HaveCount(2);
        var create = _connector.Requests[0];
        create.Method.Should().Be("POST");
        create.RawPath.Should().Be("/v3/conversations");
        create.Json.GetProperty("members")[0].GetProperty("id").GetString().Should().Be("29:alex");
        create.Json.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString().Should().Be(TestActivities.TenantId);
        created.Id.Should().Be(LocalConnector.CreatedConversationId);
        _connector.Requests[1].RawPath.Should().Be("/v3/conversations/a%3A1new-personal-conversation/activities");
    }

    [Fact]
    public async Task A_new_channel_thread_is_created_with_the_channel_id_and_first_activity()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:dsl-inbox@thread.tacv2" } },
            Activity = Message("New incident reported"),
        };

        await _client.CreateConversationAsync(_connector.ServiceUrl, parameters);

        var body = _connector.Requests.Single().Json;
        body.GetProperty("isGroup").GetBoolean().Should().BeTrue();
        body.GetProperty("channelData").GetProperty("channel").GetProperty("id").GetString().Should().Be("19:dsl-inbox@thread.tacv2");
        body.GetProperty("activity").GetProperty("text").GetString().Should().Be("New incident reported");
        body.TryGetProperty("members", out _).Should().BeFalse("nulls are omitted");
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_after_waiting_and_then_succeeds()
    {
        _connector.EnqueueStatus(429, retryAfter: "1");

        var response = await _client.ReplyToActivityAsync(_connector.ServiceUrl, ConversationId, "1:abc", Message("hello"));

        _connector.Requests.Should().HaveCount(2);
        _connector.Requests.Select(r => r.Body).Distinct().Should().ContainSingle("the retry sends the same activity");
        response.Id.Should().StartWith("activity-");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Transient_failures_are_retried(int status)
    {
        _connector.EnqueueStatus(status, retryAfter: "0");

        await _client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("hello"));

        _connector.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_failure_is_reported()
    {
        var options = new BotOptions { ConnectorMaxRetries = 2 };
        var client = new ConnectorClient(_http, options, null, TimeProvider.System, NullLogger.Instance);
        for (var i = 0; i < 5; i++)
            _connector.EnqueueStatus(429, retryAfter: "0");

        var act = () => client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("hello"));

        (await act.Should().ThrowAsync<RequestFailedException>()).Which.Status.Should().Be(429);
        _connector.Requests.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_carries_the_connector_error()
    {
        _connector.Enqueue(async response =>
        {
            response.StatusCode = 403;
            await response.WriteAsJsonAsync(new { error = new { code = "BotNotInConversationRoster", message = "The bot is not part of the conversation roster." } });
        });

        var act = () => _client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("hello"));

        var failure = (await act.Should().ThrowAsync<RequestFailedException>()).Which;
        failure.Status.Should().Be(403);
        failure.ErrorCode.Should().Be("BotNotInConversationRoster");
        failure.Message.Should().Contain("roster");
        _connector.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task A_202_with_an_empty_body_is_success()
    {
        _connector.EnqueueStatus(202);

        var response = await _client.ReplyToActivityAsync(_connector.ServiceUrl, ConversationId, "1:abc", Message("hello"));

        response.Id.Should().BeNull();
    }

    [Fact]
    public async Task A_200_with_an_empty_body_is_success_for_create_conversation()
    {
        _connector.EnqueueStatus(200);

        var response = await _client.CreateConversationAsync(_connector.ServiceUrl, new ConversationParameters());

        response.Id.Should().BeNull();
    }

    [Fact]
    public async Task An_invalid_service_url_is_refused_before_any_call()
    {
        var act = () => _client.SendToConversationAsync("file:///etc/passwd", ConversationId, Message("hello"));

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*serviceUrl*");
    }

    [Fact]
    public async Task Calls_carry_a_client_credentials_token_from_the_bot_tenant()
    {
        var options = new BotOptions
        {
            AppId = "9f1d3c1e-0000-4c55-9c1b-000000000001",
            TenantId = TestActivities.TenantId,
            ClientSecret = "local-test-secret",
            AuthorityHost = _fixture.Entra.AuthorityHost,
        };
        var credential = ConnectorCredentialFactory.Create(options, _fixture.Entra.Transport);
        var client = new ConnectorClient(_http, options, credential, TimeProvider.System, NullLogger.Instance);
        var tokenRequestsBefore = _fixture.Entra.TokenRequests.Count;

        await client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("one"));
        await client.SendToConversationAsync(_connector.ServiceUrl, ConversationId, Message("two"));

        var authorizations = _connector.Requests.Select(r => r.Header("Authorization")).ToList();
        authorizations.Should().HaveCount(2).And.AllSatisfy(a => a.Should().StartWith("Bearer local-entra-token-"));
        var tokenRequests = _fixture.Entra.TokenRequests.Skip(tokenRequestsBefore).ToList();
        var tokenRequest = tokenRequests.Should().ContainSingle("the token is cached between calls").Subject;
        tokenRequest["tenant"].Should().Be(TestActivities.TenantId);
        tokenRequest["grant_type"].Should().Be("client_credentials");
        tokenRequest["client_id"].Should().Be(options.AppId);
        tokenRequest["client_secret"].Should().Be("local-test-secret");
        tokenRequest["scope"].Should().Be("https://api.botframework.com/.default");
    }
}
