using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PolicyBot.Storage;
using PolicyBot.Storage.Tables;
using PolicyBot.Storage.Tables.Embedded;

namespace PolicyBot.Tests.Storage;

public sealed class TableStorageExtensionsTests : IDisposable
{
    readonly string _contentRoot = Directory.CreateTempSubdirectory("policybot-root-").FullName;

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    TableServiceClient ClientFor(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTableStorage();
        using var host = builder.Build();
        return host.Services.GetRequiredService<TableServiceClient>();
    }

    [Fact]
    public void With_no_storage_configured_the_embedded_store_lives_in_data_under_the_content_root()
    {
        var client = ClientFor([]);

        client.Should().BeOfType<EmbeddedTableServiceClient>()
            .Which.DatabasePath.Should().Be(Path.Combine(_contentRoot, "data", "policybot.db"));
    }

    [Fact]
    public void A_relative_EmbeddedPath_is_taken_from_the_content_root()
    {
        var client = ClientFor(new() { ["Storage:EmbeddedPath"] = "state/bot.db" });

        client.Should().BeOfType<EmbeddedTableServiceClient>()
            .Which.DatabasePath.Should().Be(Path.Combine(_contentRoot, "state", "bot.db"));
    }

    [Fact]
    public void A_connection_string_wins_over_an_endpoint_and_uses_its_table_endpoint()
    {
        var client = ClientFor(new()
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TableEndpoint"] = "https://elsewhere.table.core.windows.net",
        });

        client.Should().NotBeOfType<EmbeddedTableServiceClient>();
        client.Uri.Should().Be(new Uri("http://127.0.0.1:10002/devstoreaccount1"));
    }

    [Fact]
    public void A_table_endpoint_alone_selects_the_token_authenticated_client()
    {
        var client = ClientFor(new()
        {
            ["Storage:TableEndpoint"] = "https://school.table.core.windows.net",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        });

        client.Should().NotBeOfType<EmbeddedTableServiceClient>();
        client.Uri.Should().Be(new Uri("https://school.table.core.windows.net"));
    }

    [Fact]
    public void Declared_tables_are_registered_once_each()
    {
        var services = new ServiceCollection().AddTable("Approvals").AddTable("Incidents");

        services.BuildServiceProvider().GetServices<TableDeclaration>().Select(d => d.Name).Should().Equal("Approvals", "Incidents");
    }
}
