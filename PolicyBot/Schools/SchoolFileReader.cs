using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PolicyBot.Schools;

/// <summary>Reads and validates one school YAML file. Every problem is reported, each naming the file and the key.</summary>
public static partial class SchoolFileReader
{
    static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    /// <summary>The YAML key for each role, used both under <c>people:</c> and in <c>siteApproval.chain[].role</c>.</summary>
    public static readonly IReadOnlyDictionary<string, SchoolRole> RoleKeys = new Dictionary<string, SchoolRole>(StringComparer.OrdinalIgnoreCase)
    {
        ["headteacher"] = SchoolRole.Headteacher,
        ["deputyHeads"] = SchoolRole.DeputyHead,
        ["deputyHead"] = SchoolRole.DeputyHead,
        ["computingCoordinator"] = SchoolRole.ComputingCoordinator,
        ["dsl"] = SchoolRole.Dsl,
        ["deputyDsl"] = SchoolRole.DeputyDsl,
        ["slt"] = SchoolRole.Slt,
        ["governors"] = SchoolRole.Governor,
        ["governor"] = SchoolRole.Governor,
    };

    public static School Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        SchoolFile? file;
        try
        {
            file = Yaml.Deserialize<SchoolFile>(File.ReadAllText(path));
        }
        catch (YamlException e)
        {
            // YamlDotNet names the unknown key or bad value and its line; keep that, add the file.
            throw new SchoolConfigurationException($"{name}: line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}", e);
        }
        if (file is null)
            throw new SchoolConfigurationException($"{name}: the file is empty.");

        var errors = new List<string>();
        void Error(string key, string problem) => errors.Add($"{name}: {key}: {problem}");

        if (string.IsNullOrWhiteSpace(file.Id)) Error("id", "is required");
        else if (!SchoolId().IsMatch(file.Id)) Error("id", $"'{file.Id}' must be lower-case letters, digits and dashes");
        if (string.IsNullOrWhiteSpace(file.Name)) Error("name", "is required");
        if (string.IsNullOrWhiteSpace(file.TenantId)) Error("tenantId", "is required");
        else if (!Guid.TryParse(file.TenantId, out _)) Error("tenantId", $"'{file.TenantId}' is not a GUID");
        // Graph takes the group's object id in the plain 8-4-4-4-12 form, whatever form the file wrote it in.
        string? staffGroupId = null;
        if (file.StaffGroupId is not null)
        {
            if (Guid.TryParse(file.StaffGroupId, out var group)) staffGroupId = group.ToString("D");
            else Error("staffGroupId", $"'{file.StaffGroupId}' is not an Entra group object id (GUID)");
        }

        var policyPath = "";
        if (string.IsNullOrWhiteSpace(file.Policy)) Error("policy", "is required (a policy file path relative to this file)");
        else
        {
            policyPath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, file.Policy));
            if (!File.Exists(policyPath)) Error("policy", $"file '{file.Policy}' not found (looked for {policyPath})");
        }

        var people = new Dictionary<SchoolRole, IReadOnlyList<string>>();
        void People(string key, SchoolRole role, List<string>? ids)
        {
            if (ids is null) return;
            for (var i = 0; i < ids.Count; i++)
                if (!Guid.TryParse(ids[i], out _)) Error($"people.{key}[{i}]", $"'{ids[i]}' is not an Entra object id (GUID)");
            people[role] = ids.Select(id => id.Trim().ToLowerInvariant()).Distinct().ToList();
        }
        var p = file.People ?? new PeopleFile();
        if (file.People is null) Error("people", "is required");
        People("headteacher", SchoolRole.Headteacher, p.Headteacher);
        People("deputyHeads", SchoolRole.DeputyHead, p.DeputyHeads);
        People("computingCoordinator", SchoolRole.ComputingCoordinator, p.ComputingCoordinator);
        People("dsl", SchoolRole.Dsl, p.Dsl);
        People("deputyDsl", SchoolRole.DeputyDsl, p.DeputyDsl);
        People("slt", SchoolRole.Slt, p.Slt);
        People("governors", SchoolRole.Governor, p.Governors);
        if (file.People is not null && people.GetValueOrDefault(SchoolRole.Dsl) is not { Count: > 0 })
            Error("people.dsl", "needs at least one person (incidents go to the DSL)");

        var askRole = SchoolRole.Slt;
        if (file.AskPersonRole is not null && !RoleKeys.TryGetValue(file.AskPersonRole, out askRole))
            Error("askPersonRole", $"'{file.AskPersonRole}' is not a role ({string.Join(", ", RoleKeys.Keys)})");
        else if (file.People is not null && people.GetValueOrDefault(askRole) is not { Count: > 0 })
            Error("askPersonRole", $"nobody holds the role '{file.AskPersonRole ?? "slt"}' under people");

        var chain = new List<ApprovalStep>();
        var steps = file.SiteApproval?.Chain;
        if (steps is not { Count: > 0 }) Error("siteApproval.chain", "needs at least one step");
        else
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var key = $"siteApproval.chain[{i}]";
                if (steps[i].Role is null || !RoleKeys.TryGetValue(steps[i].Role!, out var role))
                {
                    Error($"{key}.role", $"'{steps[i].Role}' is not a role ({string.Join(", ", RoleKeys.Keys)})");
                    continue;
                }
                var mode = ApprovalMode.Any;
                if (steps[i].Mode is { } m && !Enum.TryParse(m, ignoreCase: true, out mode))
                    Error($"{key}.mode", $"'{m}' must be 'any' or 'all'");
                if (file.People is not null && people.GetValueOrDefault(role) is not { Count: > 0 })
                    Error($"{key}.role", $"nobody holds the role '{steps[i].Role}' under people");
                chain.Add(new ApprovalStep(role, mode));
            }
        }

        var fields = file.SiteApproval?.Fields is { Count: > 0 } listed ? listed : [.. SiteFormFields.DefaultIds];
        var seenFields = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            if (!SiteFormFields.IsKnown(fields[i]))
                Error($"siteApproval.fields[{i}]", $"'{fields[i]}' is not a site request form field (known: {string.Join(", ", SiteFormFields.Ids)})");
            else if (!seenFields.Add(fields[i]))
                Error($"siteApproval.fields[{i}]", $"'{fields[i]}' is listed twice");
        }

        DslInbox? inbox = null;
        if (file.Incidents?.DslInbox is { } box)
        {
            if (string.IsNullOrWhiteSpace(box.TeamId)) Error("incidents.dslInbox.teamId", "is required");
            if (string.IsNullOrWhiteSpace(box.ChannelId)) Error("incidents.dslInbox.channelId", "is required");
            if (box.ServiceUrl is not null && !Uri.TryCreate(box.ServiceUrl, UriKind.Absolute, out _))
                Error("incidents.dslInbox.serviceUrl", $"'{box.ServiceUrl}' is not an absolute URL");
            inbox = new DslInbox(box.TeamId ?? "", box.ChannelId ?? "", box.ServiceUrl);
        }
        var acknowledge = file.Incidents?.AcknowledgeWithinHours ?? 24;
        if (acknowledge <= 0) Error("incidents.acknowledgeWithinHours", "must be a positive number of hours");
        var reminder = file.ApprovalReminderHours ?? 48;
        if (reminder <= 0) Error("approvalReminderHours", "must be a positive number of hours");

        if (errors.Count > 0)
            throw new SchoolConfigurationException(string.Join(Environment.NewLine, errors));

        return new School(
            file.Id!,
            file.Name!.Trim(),
            file.TenantId!.Trim().ToLowerInvariant(),
            policyPath,
            people,
            askRole,
            new SiteApprovalSettings(chain, fields.Select(f => SiteFormFields.Get(f).Id).ToList()),
            new IncidentSettings(inbox, acknowledge),
            reminder,
            path,
            staffGroupId);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SchoolId();
}
