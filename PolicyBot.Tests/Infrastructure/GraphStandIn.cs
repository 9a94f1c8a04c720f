using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// Microsoft Graph and the Entra token endpoint, stood up on 127.0.0.1 (Kestrel, port 0, https with a certificate made
/// for the run; MSAL accepts only https authorities). It speaks the documented shapes of the calls PolicyBot makes:
/// <list type="bullet">
/// <item><c>POST /{tenant}/oauth2/v2.0/token</c> (client credentials) → <c>{token_type, expires_in, access_token}</c>, or 400/401 with an AADSTS error;</item>
/// <item><c>GET /msi/token</c>: App Service's managed identity endpoint (<c>IDENTITY_ENDPOINT</c>, header <c>X-IDENTITY-HEADER</c>,
/// api-version 2019-08-01) → <c>{access_token, expires_on, resource, token_type, client_id}</c>;</item>
/// <item><c>POST /v1.0/users/{id}/teamwork/sendActivityNotification</c> → 204, or 403 when the app is not installed for the user;</item>
/// <item><c>POST /v1.0/users/{id}/sendMail</c> → 202;</item>
/// <item><c>GET /v1.0/users/{id}</c> and <c>GET /v1.0/users/{id}/manager</c> → the user, or 404 <c>Request_ResourceNotFound</c>;</item>
/// <item><c>POST /v1.0/users/{id}/checkMemberGroups</c> with <c>{"groupIds": [...]}</c> (1 to 20 GUIDs, else 400) → <c>{"value": [...]}</c>,
/// the ids asked about that the user is a member of, or 404 for an unknown user.</item>
/// </list>
/// Graph calls without a bearer token it issued get 401. Every request is recorded (method, path, query, headers, body).
/// Tests can queue one-off answers (429 with Retry-After, 500 …) for a path.
/// </summary>
public sealed class GraphStandIn : IAsyncLifetime
{
    public const string TenantId = "6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b";
    public const string ClientId = "2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7081";
    public const string ClientSecret = "stand-in-secret-value";

    /// <summary>The user-assigned managed identity the App Service identity endpoint knows, and the header secret it expects.</summary>
    public const string ManagedIdentityClientId = "3c4d5e6f-7081-4920-a3b4-c5d6e7f80912";
    public const string IdentityHeader = "stand-in-identity-header";

    /// <summary>Graph's message for a recipient without the app (403, code Forbidden), as Graph words it.</summary>
    public const string AppNotInstalledMessage =
        "Application with AAD App Id '" + ClientId + "' is not authorized to generate custom text notifications about '/users/{0}/teamwork/sendActivityNotification' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).";

    readonly ConcurrentQueue<RecordedRequest> _requests = new();
    readonly ConcurrentDictionary<string, StandInUser> _users = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, byte> _notInstalled = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedAnswer>> _scripted = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, byte> _issuedTokens = new();
    readonly ConcurrentDictionary<string, ScriptedAnswer> _always = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<(string User, string Group), byte> _memberships = new();
    WebApplication? _app;
    X509Certificate2? _certificate;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>What App Service puts in <c>IDENTITY_ENDPOINT</c>, here on the stand-in.</summary>
    public Uri IdentityEndpoint => new(BaseAddress, "msi/token");

    /// <summary>Graph's base URL on the stand-in, in the shape of https://graph.microsoft.com/v1.0.</summary>
    public Uri GraphBaseUrl => new(BaseAddress, "v1.0");

    public IReadOnlyCollection<RecordedRequest> Requests => _requests.ToArray();

    public IReadOnlyCollection<string> IssuedTokens => _issuedTokens.Keys.ToArray();

    public record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
    {
        /// <summary>
        /// The body as JSON, property names matched case-insensitively as Graph matches action parameters: the SDK sends
        /// sendMail's <c>Message</c>/<c>SaveToSentItems</c> in the metadata's casing, the docs show <c>message</c>.
        /// </summary>
        public JsonNode Json => JsonNode.Parse(Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true })!;

        public IReadOnlyDictionary<string, string> Form =>
            Body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "");

        public TimeSpan Since(RecordedRequest earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp);
    }

    public sealed record StandInUser(string Id, string DisplayName, string? Mail, string? ManagerId = null);

    record ScriptedAnswer(int Status, string? ErrorCode, string? Message, string? RetryAfter);

    public void AddUser(StandInUser user) => _users[user.Id] = user;

    /// <summary>Makes the user a member of the group (directly or through nesting: checkMemberGroups does not tell).</summary>
    public void AddToGroup(string userId, string groupId) => _memberships[(userId.ToLowerInvariant(), groupId.ToLowerInvariant())] = 1;

    /// <summary>Graph will answer this user's activity notifications with 403: the app is not installed for them.</summary>
    public void AppNotInstalledFor(string userId) => _notInstalled[userId] = 1;

    /// <summary>The next <paramref name="times"/> requests whose path ends with <paramref name="pathSuffix"/> get this answer.</summary>
    public void AnswerNext(string pathSuffix, int status, string errorCode, string? retryAfter = null, int times = 1, string? message = null)
    {
        var queue = _scripted.GetOrAdd(pathSuffix, _ => new ConcurrentQueue<ScriptedAnswer>());
        for (var i = 0; i < times; i++)
            queue.Enqueue(new ScriptedAnswer(status, errorCode, message ?? $"Stand-in answer {status}", retryAfter));
    }

    /// <summary>Every request whose path ends with <paramref name="pathSuffix"/> gets this answer until <see cref="Reset"/>.</summary>
    public void AlwaysAnswer(string pathSuffix, int status, string errorCode, string? message = null) =>
        _always[pathSuffix] = new ScriptedAnswer(status, errorCode, message ?? $"Stand-in answer {status}", null);

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathSuffix) =>
        Requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.OrdinalIgnoreCase)).ToList();

    public void Reset()
    {
        _requests.Clear();
        _users.Clear();
        _notInstalled.Clear();
        _scripted.Clear();
        _always.Clear();
        _issuedTokens.Clear();
        _memberships.Clear();
    }

    /// <summary>An HTTP handler that trusts this stand-in's certificate, and only it.</summary>
    public HttpMessageHandler CreateTrustingHandler()
    {
        var thumbprint = _certificate!.GetCertHashString(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
            },
        };
    }

    public async Task InitializeAsync()
    {
        _certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            await RecordAsync(context.Request);
            await next(context);
        });
        _app.MapPost("/{tenant}/oauth2/v2.0/token", IssueToken);
        _app.MapGet("/msi/token", IssueManagedIdentityToken);
        _app.MapPost("/v1.0/users/{id}/teamwork/sendActivityNotification", (HttpContext c, string id) => Graph(c, () => SendActivityNotification(c, id)));
        _app.MapPost("/v1.0/users/{id}/sendMail", (HttpContext c) => Graph(c, () => Results.StatusCode(StatusCodes.Status202Accepted)));
        _app.MapGet("/v1.0/users/{id}", (HttpContext c, string id) => Graph(c, () => GetUser(id, manager: false)));
        _app.MapGet("/v1.0/users/{id}/manager", (HttpContext c, string id) => Graph(c, () => GetUser(id, manager: true)));
        _app.MapPost("/v1.0/users/{id}/checkMemberGroups", async (HttpContext c, string id) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            var body = await reader.ReadToEndAsync();
            return Graph(c, () => CheckMemberGroups(id, body));
        });
        await _app.StartAsync();

        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        _certificate?.Dispose();
    }

    async Task RecordAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, leaveOpen: true);
        var body = await reader.ReadToEndAsync();
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", headers, body, Stopwatch.GetTimestamp()));
    }

    async Task<IResult> IssueToken(HttpContext context, string tenant)
    {
        var form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials")
            return TokenError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        if (!string.Equals(tenant, TenantId, StringComparison.OrdinalIgnoreCase))
            return TokenError(400, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found.");
        if (form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
            return TokenError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        if (form["scope"] != "https://graph.microsoft.com/.default")
            return TokenError(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid.");

        var token = "standin." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _issuedTokens[token] = 1;
        return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
    }

    IResult IssueManagedIdentityToken(HttpContext context)
    {
        var query = context.Request.Query;
        if (context.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader)
            return Results.Json(new { statusCode = 401, message = "Unauthorized request: X-IDENTITY-HEADER is missing or wrong" }, statusCode: 401);
        if (query["api-version"] != "2019-08-01" || query["resource"] != "https://graph.microsoft.com")
            return Results.Json(new { statusCode = 400, message = "api-version 2019-08-01 and a resource are required" }, statusCode: 400);
        if (query["client_id"] != ManagedIdentityClientId)
            return Results.Json(new { statusCode = 400, message = "No managed identity with that client id is assigned to this resource." }, statusCode: 400);

        var token = "standin-mi." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _issuedTokens[token] = 1;
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Json(new { access_token = token, expires_on = expiresOn, resource = "https://graph.microsoft.com", token_type = "Bearer", client_id = ManagedIdentityClientId });
    }

    static IResult TokenError(int status, string error, string description) =>
        Results.Json(new { error, error_description = description, error_codes = new[] { 7000215 }, timestamp = DateTime.UtcNow.ToString("u"), trace_id = Guid.NewGuid(), correlation_id = Guid.NewGuid() }, statusCode: status);

    IResult Graph(HttpContext context, Func<IResult> answer)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || !_issuedTokens.ContainsKey(authorization["Bearer ".Length..]))
            return GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");

        var path = context.Request.Path.Value ?? "";
        foreach (var (suffix, queue) in _scripted)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && queue.TryDequeue(out var scripted))
                return Scripted(context, scripted);
        }
        foreach (var (suffix, always) in _always)
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                return Scripted(context, always);
        }
        return answer();
    }

    static IResult Scripted(HttpContext context, ScriptedAnswer answer)
    {
        if (answer.RetryAfter is not null)
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        return GraphError(answer.Status, answer.ErrorCode!, answer.Message!);
    }

    IResult SendActivityNotification(HttpContext context, string id)
    {
        if (_notInstalled.ContainsKey(id))
            return GraphError(403, "Forbidden", string.Format(System.Globalization.CultureInfo.InvariantCulture, AppNotInstalledMessage, id));
        return Results.NoContent();
    }

    IResult GetUser(string id, bool manager)
    {
        if (!_users.TryGetValue(id, out var user))
            return GraphError(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        if (manager)
        {
            if (user.ManagerId is null || !_users.TryGetValue(user.ManagerId, out var boss))
                return GraphError(404, "Request_ResourceNotFound", "Resource 'manager' does not exist or one of its queried reference-property objects are not present.");
            return UserJson(boss, "https://graph.microsoft.com/v1.0/$metadata#directoryObjects/$entity", withType: true);
        }
        return UserJson(user, "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail)/$entity", withType: false);
    }

    IResult CheckMemberGroups(string id, string body)
    {
        JsonArray? groupIds;
        try
        {
            groupIds = JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true })?["groupIds"] as JsonArray;
        }
        catch (System.Text.Json.JsonException)
        {
            groupIds = null;
        }
        var ids = groupIds?.Select(g => g?.GetValueKind() == System.Text.Json.JsonValueKind.String ? g.GetValue<string>() : null).ToList();
        if (ids is not { Count: > 0 and <= 20 } || ids.Any(g => !Guid.TryParse(g, out _)))
            return GraphError(400, "Request_BadRequest", "Invalid value specified for property 'groupIds' of resource 'CheckMemberGroups'.");
        if (!_users.ContainsKey(id))
            return GraphError(404, "Request_ResourceNotFound", $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
        var value = new JsonArray(ids.Where(g => _memberships.ContainsKey((id.ToLowerInvariant(), g!.ToLowerInvariant()))).Select(g => (JsonNode)JsonValue.Create(g!)).ToArray());
        var json = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)", ["value"] = value };
        return Results.Text(json.ToJsonString(), "application/json");
    }

    static IResult UserJson(StandInUser user, string context, bool withType)
    {
        var json = new JsonObject { ["@odata.context"] = context };
        if (withType)
            json["@odata.type"] = "#microsoft.graph.user";
        json["id"] = user.Id;
        json["displayName"] = user.DisplayName;
        json["mail"] = user.Mail;
        return Results.Text(json.ToJsonString(), "application/json");
    }

    static IResult GraphError(int status, string code, string message)
    {
        var error = new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = DateTime.UtcNow.ToString("s"),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = Guid.NewGuid().ToString(),
                },
            },
        };
        return Results.Text(error.ToJsonString(), "application/json", statusCode: status);
    }

    static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=graph-stand-in", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(2));
        // Re-imported so the private key is usable by Kestrel's TLS on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

}
