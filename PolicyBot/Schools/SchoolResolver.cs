using Microsoft.Extensions.Options;
using PolicyBot.BotFramework;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.Schools;

/// <summary>
/// Finds the school an activity belongs to from what Teams verified: the tenant and the sender's Entra object id.
/// Card data never decides it. In a trust's tenant a person who holds a role at one school goes there; anyone else is
/// placed by the schools' staff groups (<see cref="StaffGroupPlacement"/>, which may ask Graph). In development mode
/// (no <c>Bot:AppId</c>) a client such as the Agents Playground sends a made-up tenant, so an unplaced activity falls
/// back to the only configured school (or <c>Schools:DevelopmentSchoolId</c>).
/// </summary>
public sealed class SchoolResolver(
    SchoolDirectory directory,
    StaffGroupPlacement staffGroups,
    IOptions<BotOptions> botOptions,
    IOptions<SchoolsOptions> schoolsOptions)
{
    public async Task<SchoolResolution> ResolveAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenantId = TenantOf(activity);
        var userId = activity.From?.AadObjectId;
        var resolution = SchoolResolution.NotSetUp;
        if (tenantId is not null)
        {
            var school = userId is null
                ? directory.FindByTenant(tenantId) is [var only] ? only : null
                : directory.FindForUser(tenantId, userId);
            if (school is not null)
                return SchoolResolution.Of(school);
            // Entra object ids are GUIDs; anything else (a test client's made-up id) is not worth asking Graph about.
            if (Guid.TryParse(userId, out _))
            {
                resolution = await staffGroups.PlaceAsync(tenantId, userId!, directory.FindByTenant(tenantId), cancellationToken);
                if (resolution.School is not null)
                    return resolution;
            }
        }
        if (!botOptions.Value.IsDevelopmentMode)
            return resolution;
        var fallback = schoolsOptions.Value.DevelopmentSchoolId is { Length: > 0 } id
            ? directory.Find(id)
            : directory.Schools is [var single] ? single : null;
        return fallback is null ? resolution : SchoolResolution.Of(fallback);
    }

    public static string? TenantOf(Activity activity) =>
        activity.ChannelData?.Tenant?.Id ?? activity.Conversation?.TenantId;
}
