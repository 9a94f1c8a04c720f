using System.Diagnostics;
using System.Text.Json;
using Azure;
using PolicyBot.Storage.Tables;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Storage.Tables;

/// <summary>
/// What our client writes, the official JavaScript SDK (@azure/data-tables) reads with the same types, and the
/// other way round: the wire format is the service's, not a private one.
/// </summary>
public sealed class OfficialSdkInteropTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    const string Script = """
        const { TableClient } = require("@azure/data-tables");
        const [connection, table] = process.argv.slice(1);
        (async () => {
          const client = TableClient.fromConnectionString(connection, table, { allowInsecureConnection: true });
          const ours = await client.getEntity("p", "ours");
          const view = {};
          for (const [name, value] of Object.entries(ours)) {
            view[name] = typeof value === "bigint" ? { bigint: value.toString() }
              : value instanceof Date ? { date: value.toISOString() }
              : Buffer.isBuffer(value) ? { bytes: value.toString("base64") }
              : value;
          }
          console.log(JSON.stringify(view));
          await client.createEntity({
            partitionKey: "p", rowKey: "theirs", Text: "from js", Small: 7, Flag: true, Real: 1.5,
            Large: { value: "9007199254740993", type: "Int64" },
            When: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
            Id: { value: "0f8fad5b-d9cb-469f-a165-70867728950e", type: "Guid" },
            Bytes: new Uint8Array([1, 2, 3]),
            Colour: "Green",
          });
        })().catch(error => { console.error(error); process.exit(1); });
        """;

    [Fact]
    public async Task The_official_JavaScript_SDK_reads_our_entities_with_their_types_and_we_read_its_entities()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var table = service.GetTableClient("interop" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var id = Guid.NewGuid();
        await table.AddEntityAsync(new EveryTypeEntity
        {
            PartitionKey = "p", RowKey = "ours", Text = "from .NET", Small = -3, Large = 9_007_199_254_740_993L, Flag = true, Real = 0.25,
            When = new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero), Id = id, Bytes = [7, 8], Colour = Colour.Green,
        });

        using var seenByJs = JsonDocument.Parse(await RunNodeAsync(Script, azurite.ConnectionString, table.Name));
        var theirs = (await table.GetEntityAsync<EveryTypeEntity>("p", "theirs")).Value;

        var js = seenByJs.RootElement;
        js.GetProperty("Text").GetString().Should().Be("from .NET");
        js.GetProperty("Small").GetInt32().Should().Be(-3);
        js.GetProperty("Large").GetProperty("bigint").GetString().Should().Be("9007199254740993");
        js.GetProperty("Flag").GetBoolean().Should().BeTrue();
        js.GetProperty("Real").GetDouble().Should().Be(0.25);
        js.GetProperty("When").GetProperty("date").GetString().Should().Be("2026-02-03T04:05:06.789Z");
        js.GetProperty("Id").GetProperty("value").GetString().Should().Be(id.ToString());
        js.GetProperty("Id").GetProperty("type").GetString().Should().Be("Guid");
        js.GetProperty("Bytes").GetProperty("bytes").GetString().Should().Be(Convert.ToBase64String(new byte[] { 7, 8 }));
        js.GetProperty("Colour").GetString().Should().Be("Green");

        theirs.Text.Should().Be("from js");
        theirs.Small.Should().Be(7);
        theirs.Large.Should().Be(9_007_199_254_740_993L);
        theirs.Flag.Should().BeTrue();
        theirs.Real.Should().Be(1.5);
        theirs.When.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        theirs.Id.Should().Be(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"));
        theirs.Bytes.Should().Equal(1, 2, 3);
        theirs.Colour.Should().Be(Colour.Green);
        theirs.ETag.Should().NotBe(default(ETag));
    }

    static async Task<string> RunNodeAsync(string script, params string[] arguments)
    {
        // -e scripts resolve require() from the working directory: the repository root holds node_modules.
        var start = new ProcessStartInfo("node") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        try
        {
            var output = node.StandardOutput.ReadToEndAsync();
            var error = node.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await node.WaitForExitAsync(timeout.Token);
            return node.ExitCode == 0 ? await output : throw new InvalidOperationException($"node failed ({node.ExitCode}): {await error}");
        }
        finally
        {
            if (!node.HasExited)
                node.Kill(entireProcessTree: true);
        }
    }
}
