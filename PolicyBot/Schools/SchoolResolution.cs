namespace PolicyBot.Schools;

/// <summary>
/// The school an activity belongs to, or why there is none: the school is not set up (nothing the person can do but
/// tell IT), or the directory could not be asked just now (<see cref="DirectoryUnavailable"/>: trying again can help).
/// </summary>
public sealed record SchoolResolution(School? School, bool DirectoryUnavailable = false)
{
    public static readonly SchoolResolution NotSetUp = new((School?)null);

    public static readonly SchoolResolution Unavailable = new(null, DirectoryUnavailable: true);

    public static SchoolResolution Of(School? school) => school is null ? NotSetUp : new(school);
}
