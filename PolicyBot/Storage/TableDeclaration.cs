namespace PolicyBot.Storage;

/// <summary>A table a feature needs; created at start-up by <see cref="TableCreationService"/>.</summary>
public sealed record TableDeclaration(string Name);
