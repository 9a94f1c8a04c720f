namespace PolicyBot.Graph;

/// <summary>A person in the tenant's directory: Entra object id, display name and e-mail address (null without a mailbox).</summary>
public sealed record DirectoryUser(string Id, string? DisplayName, string? Mail);
