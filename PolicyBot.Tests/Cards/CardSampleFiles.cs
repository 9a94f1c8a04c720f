using System.Text.Json;

namespace PolicyBot.Tests.Cards;

/// <summary>Writes every sample card as {name}.json plus index.json (name, description, builder, area) for the node tools.</summary>
public static class CardSampleFiles
{
    public static void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var sample in CardSamples.All)
            File.WriteAllText(Path.Combine(directory, sample.Name + ".json"), sample.Card.ToJson());
        var index = CardSamples.All.Select(s => new
        {
            name = s.Name,
            description = s.Description,
            builder = s.Builder.Name,
            area = s.Builder.Namespace == typeof(PolicyBot.Cards.Verbs).Namespace ? "General" : s.Builder.Namespace!.Split('.')[^1],
        });
        File.WriteAllText(Path.Combine(directory, "index.json"), JsonSerializer.Serialize(index, new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>A fresh folder under the temp directory, deleted by the caller.</summary>
    public static string NewTempDirectory(string purpose)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"policybot-cards-{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
