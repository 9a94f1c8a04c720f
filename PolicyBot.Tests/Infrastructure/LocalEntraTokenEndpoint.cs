using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// Stands in for Entra's token endpoint, <c>POST /{tenant}/oauth2/v2.0/token</c> (client credentials), over TLS
/// on 127.0.0.1 with a certificate made for the test run. Records each request's form; issues opaque tokens.
/// <see cref="Transport"/> is an HTTP transport that trusts exactly this certificate.
/// </summary>
public sealed class LocalEntraTokenEndpoint : IAsyncDisposable
{
    readonly LocalHttpServer _server;
    readonly X509Certificate2 _certificate;
    readonly ConcurrentQueue<IReadOnlyDictionary<string, string>> _tokenRequests = new();
    int _issued;

    LocalEntraTokenEndpoint(LocalHttpServer server, X509Certificate2 certificate)
    {
        _server = server;
        _certificate = certificate;
    }

    /// <summary>The authority host to configure as Bot:AuthorityHost.</summary>
    public string AuthorityHost => _server.BaseAddress.ToString();

    public IReadOnlyList<IReadOnlyDictionary<string, string>> TokenRequests => _tokenRequests.ToList();

    public static string TokenFor(int n) => $"local-entra-token-{n}";

    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None || certificate?.Thumbprint == _certificate.Thumbprint,
    });

    public static async Task<LocalEntraTokenEndpoint> StartAsync()
    {
        var certificate = CreateCertificate();
        LocalEntraTokenEndpoint? self = null;
        var server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
            {
                var form = await context.Request.ReadFormAsync();
                var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
                fields["tenant"] = tenant;
                self!._tokenRequests.Enqueue(fields);
                if (fields.GetValueOrDefault("grant_type") != "client_credentials")
                    return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
                var n = Interlocked.Increment(ref self._issued);
                return Results.Json(new { token_type = "Bearer", expires_in = 3600, ext_expires_in = 3600, access_token = TokenFor(n) });
            });
        }, certificate);
        self = new LocalEntraTokenEndpoint(server, certificate);
        return self;
    }

    static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the private key in a form it can use on every platform: round-trip through PFX.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
