using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using System.Net.Sockets;

namespace PolicyBot.BotFramework.Authentication;

/// <summary>A signing key published by an OpenID metadata document, with the channels it is endorsed for.</summary>
public sealed record SigningKey(SecurityKey Key, IReadOnlyList<string> Endorsements);

/// <summary>
/// The signing keys behind one OpenID metadata URL. Keys are fetched on first use, refreshed every
/// <see cref="RefreshInterval"/> (well within a day) and when a token names an unknown <c>kid</c> — but at most
/// once per <see cref="MinimumRefreshInterval"/>, so a flood of forged kids cannot hammer the metadata server.
/// The JSON Web Key Set is read with Microsoft.IdentityModel; <c>endorsements</c> (Bot Framework's extension)
/// comes from each key's additional data.
/// </summary>
public sealed partial class OpenIdKeyCache : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);
    public static readonly TimeSpan DefaultMinimumRefreshInterval = TimeSpan.FromMinutes(5);

    readonly HttpClient _http;
    readonly Uri _metadataUrl;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly SemaphoreSlim _gate = new(1, 1);
    // Replaced whole, so a reader outside the lock always sees keys and their fetch time together.
    KeySet _current = new([], null);
    DateTimeOffset? _lastAttempt;

    sealed record KeySet(Dictionary<string, SigningKey> Keys, DateTimeOffset? FetchedAt);

    public OpenIdKeyCache(HttpClient http, Uri metadataUrl, TimeProvider time, ILogger logger, TimeSpan? minimumRefreshInterval = null)
    {
        _http = http;
        _metadataUrl = metadataUrl;
        _time = time;
        _logger = logger;
        MinimumRefreshInterval = minimumRefreshInterval ?? DefaultMinimumRefreshInterval;
    }

    public Uri MetadataUrl => _metadataUrl;
    public TimeSpan MinimumRefreshInterval { get; }

    /// <summary>How many times the metadata has been fetched (successfully or not).</summary>
    public int FetchCount { get; private set; }

    /// <summary>The key with this id, refreshing the set when it is stale or the id is unknown.</summary>
    public async Task<SigningKey?> GetKeyAsync(string kid, CancellationToken cancellationToken = default)
    {
        var current = _current;
        if (!IsStale(current, _time.GetUtcNow()) && current.Keys.TryGetValue(kid, out var known))
            return known;

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            current = _current;
            var found = current.Keys.TryGetValue(kid, out known);
            if (found && !IsStale(current, now))
                return known;
            var mayFetch = _lastAttempt is null || now - _lastAttempt >= MinimumRefreshInterval;
            if (!mayFetch)
            {
                if (!found)
                    LogRefreshThrottled(_logger, _metadataUrl);
                return known;
            }
            await RefreshAsync(now, cancellationToken).ConfigureAwait(false);
            return _current.Keys.GetValueOrDefault(kid);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    static bool IsStale(KeySet set, DateTimeOffset now) => set.FetchedAt is null || now - set.FetchedAt >= RefreshInterval;

    async Task RefreshAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        _lastAttempt = now;
        FetchCount++;
        try
        {
            using var metadata = JsonDocument.Parse(await _http.GetStringAsync(_metadataUrl, cancellationToken).ConfigureAwait(false));
            if (!metadata.RootElement.TryGetProperty("jwks_uri", out var jwksUriElement)
                || !Uri.TryCreate(jwksUriElement.GetString(), UriKind.Absolute, out var jwksUri))
            {
                LogMetadataInvalid(_logger, _metadataUrl);
                return;
            }
            var set = new JsonWebKeySet(await _http.GetStringAsync(jwksUri, cancellationToken).ConfigureAwait(false));
            var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
            foreach (var key in set.Keys)
            {
                if (string.IsNullOrEmpty(key.Kid))
                    continue;
                keys[key.Kid] = new SigningKey(key, ReadEndorsements(key));
            }
            _current = new KeySet(keys, now);
            LogKeysRefreshed(_logger, _metadataUrl, keys.Count);
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or JsonException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // Keep the keys we had: a metadata outage must not lock out every valid token.
            LogMetadataFailed(_logger, _metadataUrl, e.Message);
        }
    }

    static List<string> ReadEndorsements(JsonWebKey key)
    {
        if (!key.AdditionalData.TryGetValue("endorsements", out var value) || value is null)
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            IEnumerable<object> list => list.Select(o => o?.ToString()).OfType<string>().ToList(),
            string single => [single],
            _ => [],
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys refreshed from {MetadataUrl}: {Count} keys")]
    static partial void LogKeysRefreshed(ILogger logger, Uri metadataUrl, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OpenID metadata at {MetadataUrl} has no valid jwks_uri")]
    static partial void LogMetadataInvalid(ILogger logger, Uri metadataUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh signing keys from {MetadataUrl}: {Error}")]
    static partial void LogMetadataFailed(ILogger logger, Uri metadataUrl, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown signing key; refresh from {MetadataUrl} skipped (refreshed too recently)")]
    static partial void LogRefreshThrottled(ILogger logger, Uri metadataUrl);
}
