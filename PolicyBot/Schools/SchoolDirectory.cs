using PolicyBot.Policies;

namespace PolicyBot.Schools;

/// <summary>
/// Every school this deployment serves, loaded from a folder of YAML files at start-up. A trust may put several
/// schools in one Entra tenant, so look-up by tenant returns a list; <see cref="FindForUser"/> picks the school a
/// person belongs to from the files alone, and <see cref="StaffGroupPlacement"/> from the schools' staff groups.
/// </summary>
public sealed class SchoolDirectory
{
    readonly Dictionary<string, School> _byId;
    readonly Dictionary<string, List<School>> _byTenant;

    public IReadOnlyList<School> Schools { get; }

    public SchoolDirectory(IEnumerable<School> schools)
    {
        Schools = schools.ToList();
        _byId = new Dictionary<string, School>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in Schools)
        {
            if (!_byId.TryAdd(school.Id, school))
                throw new SchoolConfigurationException(
                    $"{Path.GetFileName(school.SourceFile)}: id: '{school.Id}' is already used by {Path.GetFileName(_byId[school.Id].SourceFile)}");
        }
        // A group shared by two schools would place its members in neither: say so at start-up instead.
        var byStaffGroup = new Dictionary<string, School>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in Schools.Where(s => s.StaffGroupId is not null))
        {
            if (!byStaffGroup.TryAdd(school.StaffGroupId!, school))
                throw new SchoolConfigurationException(
                    $"{Path.GetFileName(school.SourceFile)}: staffGroupId: '{school.StaffGroupId}' is already used by {Path.GetFileName(byStaffGroup[school.StaffGroupId!].SourceFile)} (each school needs its own staff group)");
        }
        _byTenant = Schools.GroupBy(s => s.TenantId, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Loads every *.yaml/*.yml file in <paramref name="folder"/>; all problems in all files are reported together.</summary>
    public static SchoolDirectory Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new SchoolConfigurationException($"Schools:Path: folder '{folder}' does not exist.");
        var files = Directory.EnumerateFiles(folder)
            .Where(f => Path.GetExtension(f).ToLowerInvariant() is ".yaml" or ".yml")
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
            throw new SchoolConfigurationException($"Schools:Path: no school files (*.yaml) in '{folder}'.");
        var schools = new List<School>();
        var errors = new List<string>();
        foreach (var file in files)
        {
            try
            {
                schools.Add(SchoolFileReader.Read(file));
            }
            catch (SchoolConfigurationException e)
            {
                errors.Add(e.Message);
            }
        }
        if (errors.Count > 0)
            throw new SchoolConfigurationException(string.Join(Environment.NewLine, errors));
        return new SchoolDirectory(schools);
    }

    public School? Find(string schoolId) => _byId.GetValueOrDefault(schoolId);

    public IReadOnlyList<School> FindByTenant(string tenantId) =>
        _byTenant.TryGetValue(tenantId, out var list) ? list : [];

    /// <summary>
    /// The school of a person in a tenant as the files say: the tenant's only school, else the one where they hold a
    /// role. Null when the tenant is unknown or the files cannot tell (no role, or roles at several schools); then the
    /// schools' staff groups may (<see cref="StaffGroupPlacement"/>).
    /// </summary>
    public School? FindForUser(string tenantId, string aadObjectId)
    {
        var candidates = FindByTenant(tenantId);
        if (candidates.Count == 1)
            return candidates[0];
        var withRole = candidates.Where(s => s.RolesOf(aadObjectId).Count > 0).ToList();
        return withRole.Count == 1 ? withRole[0] : null;
    }

    /// <summary>Parses every school's policy and builds its index, keyed by school id.</summary>
    public PolicyLibrary BuildPolicyLibrary(TextAnalyzer? analyzer = null)
    {
        var library = new PolicyLibrary(analyzer);
        foreach (var school in Schools)
            library.Add(school.Id, PolicyDocument.Load(school.PolicyPath));
        return library;
    }
}
