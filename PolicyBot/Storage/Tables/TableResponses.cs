using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace PolicyBot.Storage.Tables;

/// <summary>A response made without HTTP (the embedded store, batch sub-responses): a status and a few headers.</summary>
sealed class LocalResponse(int status, string reasonPhrase, IReadOnlyDictionary<string, string>? headers = null) : Response
{
    readonly IReadOnlyDictionary<string, string> _headers = headers ?? new Dictionary<string, string>();

    public static LocalResponse WithETag(int status, ETag etag) =>
        new(status, status == 204 ? "No Content" : "OK", new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag.ToString("H") });

    public override int Status => status;

    public override string ReasonPhrase => reasonPhrase;

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; } = "";

    public override void Dispose()
    {
    }

    protected override bool ContainsHeader(string name) => TryGetHeader(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var (key, headerValue) in _headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                value = headerValue;
                return true;
            }
        }
        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        var found = TryGetHeader(name, out var value);
        values = found ? [value!] : null;
        return found;
    }
}

/// <summary><see cref="NullableResponse{T}"/> with or without a value (Azure.Core keeps its own internal).</summary>
sealed class TableNullableResponse<T>(T? value, Response response) : NullableResponse<T>
{
    public override bool HasValue => value is not null;

    public override T? Value => value;

    public override Response GetRawResponse() => response;
}
