using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A small Kestrel server on 127.0.0.1 with a free port, standing in for a Microsoft service. HTTPS when given a
/// certificate (MSAL only talks to an https authority).
/// </summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    readonly WebApplication _app;

    LocalHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, with a trailing slash: http://127.0.0.1:{port}/.</summary>
    public Uri BaseAddress { get; }

    public static async Task<LocalHttpServer> StartAsync(Action<WebApplication> map, X509Certificate2? certificate = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
                listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return new LocalHttpServer(app, new Uri(app.Urls.Single().TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
