using System.Text.Json;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>One request a stand-in received: method, raw (still escaped) path, headers and body.</summary>
public sealed record RecordedRequest(string Method, string RawPath, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}
