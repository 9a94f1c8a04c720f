using PolicyBot.Policies;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Policies;

/// <summary>The five real policies, parsed and indexed once for every test class in the collection.</summary>
public sealed class PoliciesFixture
{
    public PolicyLibrary Library { get; } = PolicyLibrary.FromFolder(RepoPaths.SharedPolicies);

    public PolicyDocument Document(string school) => Library.TryGet(school, out var index)
        ? index.Document
        : throw new InvalidOperationException($"policy {school} not loaded");

    public PolicyAnswer Ask(string school, string question) => Library.Answer(school, question);
}

[CollectionDefinition(Name)]
public sealed class PoliciesCollection : ICollectionFixture<PoliciesFixture>
{
    public const string Name = "Real policies";
}
