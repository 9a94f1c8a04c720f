namespace PolicyBot.Storage.Tables;

/// <summary>
/// A storage connection string: <c>AccountName=…;AccountKey=…;TableEndpoint=…</c> (or
/// <c>DefaultEndpointsProtocol</c> + <c>EndpointSuffix</c>), or <c>UseDevelopmentStorage=true</c> for Azurite.
/// </summary>
sealed record TableConnectionString(Uri TableEndpoint, string AccountName, byte[] AccountKey)
{
    // Azurite's well-known development account (published in its README; not a secret).
    public const string DevelopmentAccountName = "devstoreaccount1";
    const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static TableConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
                throw new FormatException("The storage connection string is not a list of Name=Value settings.");
            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            var proxy = settings.TryGetValue("DevelopmentStorageProxyUri", out var proxyUri) ? new Uri(proxyUri) : new Uri("http://127.0.0.1");
            return new TableConnectionString(
                new Uri($"{proxy.Scheme}://{proxy.Host}:10002/{DevelopmentAccountName}"),
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey));
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
            throw new FormatException("The storage connection string has no AccountName.");
        if (!settings.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
            throw new FormatException("The storage connection string has no AccountKey (SAS connection strings are not supported).");

        byte[] key;
        try
        {
            key = Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            throw new FormatException("The storage connection string's AccountKey is not base64.");
        }

        Uri endpoint;
        if (settings.TryGetValue("TableEndpoint", out var tableEndpoint))
        {
            endpoint = new Uri(tableEndpoint.TrimEnd('/'));
        }
        else
        {
            var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p : "https";
            var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
            endpoint = new Uri($"{protocol}://{accountName}.table.{suffix}");
        }
        return new TableConnectionString(endpoint, accountName, key);
    }

    public override string ToString() => $"TableEndpoint={TableEndpoint};AccountName={AccountName};AccountKey=***";
}
