using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Schools;

/// <summary>
/// Finds the school an activity belongs to from what Teams verified: the tenant and the sender's Entra object id.
/// Card data never decides it. In development mode (no <c>Bot:AppId</c>) a client such as the Agents Playground
/// sends a made-up tenant, so an unknown tenant falls back to the only configured school (or
/// <c>Schools:DevelopmentSchoolId</c>).
/// </summary>
public sealed class SchoolResolver(SchoolDirectory directory, IOptions<BotOptions> botOptions, IOptions<SchoolsOptions> schoolsOptions)
{
    public School? Resolve(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenantId = TenantOf(activity);
        var userId = activity.From?.AadObjectId;
        if (tenantId is not null)
        {
            var school = userId is null
                ? directory.FindByTenant(tenantId) is [var only] ? only : null
                : directory.FindForUser(tenantId, userId);
            if (school is not null)
                return school;
        }
        if (!botOptions.Value.IsDevelopmentMode)
            return null;
        return schoolsOptions.Value.DevelopmentSchoolId is { Length: > 0 } id
            ? directory.Find(id)
            : directory.Schools is [var single] ? single : null;
    }

    public static string? TenantOf(Activity activity) =>
        activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;
}
