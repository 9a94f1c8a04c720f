using PolicyBot.Tests.Infrastructure;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Manifest;

/// <summary>
/// Runs the packaging command once (node tools/manifest/package.mjs) into a temporary folder with a test
/// app id and domain, and keeps what the zip holds for the tests of the class.
/// </summary>
public sealed class TeamsAppPackageFixture : IAsyncLifetime
{
    public const string AppId = "0b7e5c1d-4a2f-4e8b-9c3d-6f1a2b3c4d5e";
    public const string Domain = "policybot-test.azurewebsites.net";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "policybot-manifest-" + Guid.NewGuid().ToString("N"));
    public string ZipPath => Path.Combine(Folder, "policybot.zip");
    public NodeScript.Result Packaging { get; private set; } = null!;
    public IReadOnlyDictionary<string, byte[]> Entries { get; private set; } = null!;
    public string ManifestText { get; private set; } = null!;
    public JsonObject Manifest { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        Packaging = await NodeScript.RunAsync("tools/manifest/package.mjs", "--app-id", AppId, "--domain", Domain, "--out", ZipPath);
        if (Packaging.ExitCode != 0)
            throw new InvalidOperationException($"packaging failed ({Packaging.ExitCode}): {Packaging.Stderr}");

        var entries = new Dictionary<string, byte[]>();
        using (var archive = ZipFile.OpenRead(ZipPath))
        {
            foreach (var entry in archive.Entries)
            {
                using var stream = entry.Open();
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy);
                entries[entry.FullName] = copy.ToArray();
            }
        }
        Entries = entries;
        ManifestText = System.Text.Encoding.UTF8.GetString(entries["manifest.json"]);
        Manifest = JsonNode.Parse(ManifestText)!.AsObject();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}
