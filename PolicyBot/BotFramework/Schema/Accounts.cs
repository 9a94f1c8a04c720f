using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyBot.BotFramework.Schema;

/// <summary>A user or bot in a conversation. In Teams, <see cref="AadObjectId"/> is the Entra object id.</summary>
public sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    /// <summary>"user" or "bot".</summary>
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}

/// <summary>The conversation an activity belongs to: personal, groupChat or channel.</summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    /// <summary>"personal", "groupChat" or "channel".</summary>
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Properties { get; set; }
}
