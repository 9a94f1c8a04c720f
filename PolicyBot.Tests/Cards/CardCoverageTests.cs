using System.Reflection;
using System.Text.RegularExpressions;
using PolicyBot.Cards;
using PolicyBot.Cards.AdaptiveCards;

namespace PolicyBot.Tests.Cards;

/// <summary>A new card builder without a sample fails here, so every card the bot can send is validated and rendered.</summary>
public sealed partial class CardCoverageTests
{
    static List<Type> Builders() =>
        typeof(Verbs).Assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true }) // static classes
            .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Any(m => m.Name == "Build" && m.ReturnType == typeof(AdaptiveCard)))
            .ToList();

    [Fact]
    public void Every_card_builder_has_at_least_one_sample()
    {
        var covered = CardSamples.All.Select(s => s.Builder).ToHashSet();
        var missing = Builders().Where(b => !covered.Contains(b)).Select(b => b.FullName).ToList();

        missing.Should().BeEmpty("every card builder needs a sample in PolicyBot.Tests/Cards/CardSamples.cs so it is validated and rendered");
    }

    [Fact]
    public void The_builder_search_finds_the_known_cards()
    {
        // Guards the reflection above: if it silently found nothing, the coverage test would pass vacuously.
        Builders().Select(b => b.Name).Should().Contain(["AnswerCard", "SiteRequestCard", "IncidentInboxCard", "HelpCard"]);
    }

    [Fact]
    public void Sample_names_are_unique_file_friendly_and_described()
    {
        CardSamples.All.Select(s => s.Name).Should().OnlyHaveUniqueItems();
        CardSamples.All.Should().OnlyContain(s => SampleName().IsMatch(s.Name) && s.Description.Length > 0);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SampleName();
}
