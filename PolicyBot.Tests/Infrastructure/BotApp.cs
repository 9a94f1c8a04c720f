using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// The real PolicyBot app on Kestrel at 127.0.0.1 (a free port), with configuration overrides as a deployment
/// would set them (<c>Bot:AppId</c> …) and optional service overrides.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    readonly IReadOnlyDictionary<string, string?> _settings;
    readonly Action<IServiceCollection>? _services;
    readonly string? _storageDirectory;
    Uri? _baseAddress;

    public BotApp(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>(), StringComparer.OrdinalIgnoreCase);
        // Unless the test chose its storage, each app gets its own embedded store in a temporary folder (never
        // data/ in the source tree, never state left by another test or an earlier run).
        if (!all.Keys.Any(k => k.StartsWith("Storage:", StringComparison.OrdinalIgnoreCase)))
        {
            _storageDirectory = Directory.CreateTempSubdirectory("policybot-app-").FullName;
            all["Storage:EmbeddedPath"] = Path.Combine(_storageDirectory, "policybot.db");
        }
        _settings = all;
        _services = services;
        UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_storageDirectory is not null && Directory.Exists(_storageDirectory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_storageDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        // Program.cs reads some settings while it registers services (whether Graph is configured); settings added by
        // ConfigureAppConfiguration arrive only after that, host settings before it.
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_services is not null)
            builder.ConfigureTestServices(_services);
    }

    /// <summary>The app's root address, e.g. http://127.0.0.1:41234/ (starts the app on first use).</summary>
    public Uri BaseAddress
    {
        get
        {
            if (_baseAddress is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                _baseAddress = new Uri(address.TrimEnd('/') + "/");
            }
            return _baseAddress;
        }
    }

    public Uri MessagesEndpoint => new(BaseAddress, "api/messages");

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>POSTs an activity to /api/messages as the Connector does (optionally with a bearer token).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, string? bearerToken = null)
    {
        using var http = CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages")
        {
            Content = new StringContent(activity.ToJson(), Encoding.UTF8, "application/json"),
        };
        if (bearerToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return await http.SendAsync(request);
    }
}
