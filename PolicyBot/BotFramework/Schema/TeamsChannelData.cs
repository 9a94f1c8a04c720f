using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>Teams' channelData: the tenant, and for channel messages the team and channel.</summary>
public sealed class TeamsChannelData
{
    public TenantInfo? Tenant { get; set; }
    public TeamInfo? Team { get; set; }
    public ChannelInfo? Channel { get; set; }
    /// <summary>For conversationUpdate: "teamMemberAdded", "channelCreated" ...</summary>
    public string? EventType { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TenantInfo
{
    public string? Id { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class TeamInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

public sealed class ChannelInfo
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
