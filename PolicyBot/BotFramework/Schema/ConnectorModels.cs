using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>The Connector's answer to a send: the id of the activity it created.</summary>
public sealed record ResourceResponse(string? Id = null);

/// <summary>Body of POST /v3/conversations.</summary>
public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public TeamsChannelData? ChannelData { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The Connector's answer to create-conversation.</summary>
public sealed record ConversationResourceResponse(string? Id = null, string? ActivityId = null, string? ServiceUrl = null);

/// <summary>One page of GET /v3/conversations/{id}/pagedmembers; no <see cref="ContinuationToken"/> on the last.</summary>
public sealed record PagedMembersResult(string? ContinuationToken = null, IReadOnlyList<ChannelAccount>? Members = null);

/// <summary>The Connector's error body.</summary>
public sealed record ErrorResponse(Error? Error);

public sealed record Error(string? Code, string? Message);
