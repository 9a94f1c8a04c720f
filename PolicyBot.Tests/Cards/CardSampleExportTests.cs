using System.Text.Json;

namespace PolicyBot.Tests.Cards;

/// <summary>
/// Writes every sample card to a folder: a temp folder normally, or the folder named by
/// POLICYBOT_CARDS_EXPORT (tools/cards/gallery.sh uses this to refresh docs/cards).
/// </summary>
public sealed class CardSampleExportTests
{
    public const string ExportVariable = "POLICYBOT_CARDS_EXPORT";

    [Fact]
    public void Every_sample_is_written_as_card_json_with_an_index()
    {
        var target = Environment.GetEnvironmentVariable(ExportVariable);
        var directory = string.IsNullOrWhiteSpace(target) ? CardSampleFiles.NewTempDirectory("export") : Path.GetFullPath(target);
        try
        {
            CardSampleFiles.Write(directory);

            using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "index.json")));
            index.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString())
                .Should().Equal(CardSamples.All.Select(s => s.Name));
            foreach (var sample in CardSamples.All)
            {
                using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, sample.Name + ".json")));
                card.RootElement.GetProperty("type").GetString().Should().Be("AdaptiveCard", sample.Name);
            }
        }
        finally
        {
            if (string.IsNullOrWhiteSpace(target))
                Directory.Delete(directory, recursive: true);
        }
    }
}
