using System.Text.Json.Nodes;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Features;

/// <summary>
/// One <c>POST /users/{id}/teamwork/sendActivityNotification</c> as Graph received it. The recipient is the user in the
/// path (the user-scoped action has no recipient in its body); the body is topic, activityType, previewText and
/// templateParameters.
/// </summary>
public sealed record SentNotification(string Recipient, string ActivityType, string TopicSource, string Topic, string WebUrl,
    string Preview, IReadOnlyDictionary<string, string> Parameters, string Body)
{
    public static SentNotification From(GraphStandIn.RecordedRequest request)
    {
        // /v1.0/users/{id}/teamwork/sendActivityNotification
        var recipient = Uri.UnescapeDataString(request.Path.Split('/')[3]);
        var json = JsonNode.Parse(request.Body)!;
        var parameters = json["templateParameters"]!.AsArray()
            .ToDictionary(p => p!["name"]!.GetValue<string>(), p => p!["value"]!.GetValue<string>(), StringComparer.Ordinal);
        return new SentNotification(recipient, json["activityType"]!.GetValue<string>(), json["topic"]!["source"]!.GetValue<string>(),
            json["topic"]!["value"]!.GetValue<string>(), json["topic"]!["webUrl"]!.GetValue<string>(),
            json["previewText"]!["content"]!.GetValue<string>(), parameters, request.Body);
    }
}
