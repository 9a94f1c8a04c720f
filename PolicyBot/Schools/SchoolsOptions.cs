namespace PolicyBot.Schools;

/// <summary>Configuration section "Schools": where the school YAML files live.</summary>
public sealed class SchoolsOptions
{
    public const string Section = "Schools";

    /// <summary>The folder shipped with the app (copied to the build output): the demo school.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "schools");

    /// <summary>Folder holding one *.yaml / *.yml file per school. Config key <c>Schools:Path</c>.</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>
    /// Development mode only: the school used when an activity's tenant matches none (the Agents Playground
    /// sends a made-up tenant). Unset: the only school, if there is exactly one.
    /// </summary>
    public string? DevelopmentSchoolId { get; set; }
}
