using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;
using PolicyBot.Tests.Storage.Tables;

namespace PolicyBot.Tests.Storage;

public sealed class TableCreationServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task With_Storage_ConnectionString_set_to_Azurite_the_app_creates_its_tables_there_and_its_writes_are_readable_by_another_client()
    {
        await using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            host.ConfigureTestServices(services => services.AddTable("ConversationReferences").AddTable("AuditTrail"));
        });
        var appTables = app.Services.GetRequiredService<TableServiceClient>();
        await appTables.GetTableClient("ConversationReferences").UpsertEntityAsync(new TableEntity("conversation", "1") { ["ServiceUrl"] = "https://smba.example/" });

        var another = new TableServiceClient(azurite.ConnectionString);
        var names = (await another.QueryAsync().ToListAsync()).Select(t => t.Name);
        var written = await another.GetTableClient("ConversationReferences").GetEntityAsync<TableEntity>("conversation", "1");

        appTables.Should().NotBeOfType<PolicyBot.Storage.Tables.Embedded.EmbeddedTableServiceClient>();
        names.Should().Contain(["ConversationReferences", "AuditTrail"]);
        written.Value.GetString("ServiceUrl").Should().Be("https://smba.example/");
    }

    [Fact]
    public void Unreachable_storage_stops_the_app_from_starting_with_a_clear_message()
    {
        var notADirectory = Path.GetTempFileName();
        try
        {
            using var app = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseSetting("Storage:EmbeddedPath", Path.Combine(notADirectory, "sub", "policybot.db"));
                host.ConfigureTestServices(services => services.AddTable("ConversationReferences"));
            });

            var start = () => app.Services;

            start.Should().Throw<InvalidOperationException>().WithMessage("*unreachable*refused to create table*");
        }
        finally
        {
            File.Delete(notADirectory);
        }
    }
}
