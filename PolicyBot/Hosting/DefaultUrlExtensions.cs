namespace PolicyBot.Hosting;

public static class DefaultUrlExtensions
{
    public const string LocalDefaultUrl = "http://127.0.0.1:3978";

    /// <summary>
    /// <c>dotnet run</c> with nothing configured listens on http://127.0.0.1:3978 (loopback: development mode
    /// accepts unauthenticated requests). Set here rather than as "Urls" in appsettings.json because that would
    /// outrank ASPNETCORE_URLS, which hosts such as App Service and containers set.
    /// </summary>
    public static WebApplicationBuilder UseLocalDefaultUrl(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var configured = !string.IsNullOrEmpty(config["urls"])
            || !string.IsNullOrEmpty(config["http_ports"])
            || !string.IsNullOrEmpty(config["https_ports"])
            || config.GetSection("Kestrel:Endpoints").Exists();
        if (!configured)
            builder.WebHost.UseUrls(LocalDefaultUrl);
        return builder;
    }
}
