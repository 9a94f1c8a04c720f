namespace PolicyBot.Storage;

/// <summary>
/// Where the bot keeps its state (configuration section <c>Storage</c>), first match wins:
/// <list type="number">
/// <item><c>Storage:ConnectionString</c>: an Azure Storage account (account key) or Azurite
/// (<c>UseDevelopmentStorage=true</c>, or the explicit <c>…;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1</c> form).</item>
/// <item><c>Storage:TableEndpoint</c> (e.g. <c>https://account.table.core.windows.net</c>): Entra ID tokens from the
/// managed identity (<c>Storage:ManagedIdentityClientId</c> for a user-assigned one), else DefaultAzureCredential.</item>
/// <item>Otherwise the embedded SQLite store at <c>Storage:EmbeddedPath</c>, by default <c>data/policybot.db</c>
/// under the content root (a relative path is taken from the content root too).</item>
/// </list>
/// </summary>
public sealed class TableStorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultEmbeddedPath = "data/policybot.db";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    public string? ManagedIdentityClientId { get; set; }

    public string? EmbeddedPath { get; set; }
}
