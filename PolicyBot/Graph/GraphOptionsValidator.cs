using Microsoft.Extensions.Options;

namespace PolicyBot.Graph;

/// <summary>Checks the <c>Graph</c> section at start-up; each message names the key to set, as an admin would type it.</summary>
public sealed class GraphOptionsValidator : IValidateOptions<GraphOptions>
{
    const string Section = GraphOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        if (!options.IsConfigured)
            return ValidateOptionsResult.Success;

        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId))
            errors.Add($"{Section}:TenantId is missing: set it to your Entra tenant id (a GUID) when any Graph identity is configured.");
        else if (!Guid.TryParse(options.TenantId, out _))
            errors.Add($"{Section}:TenantId must be the tenant's id (a GUID), not '{options.TenantId}'.");

        var secretPair = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (options.UsesManagedIdentity && secretPair)
            errors.Add($"{Section}:ManagedIdentityClientId and {Section}:ClientId/{Section}:ClientSecret are both set: use the managed identity in Azure, or the client id and secret on a developer's machine, not both.");
        else if (!options.UsesManagedIdentity)
        {
            if (string.IsNullOrWhiteSpace(options.ClientId))
                errors.Add($"{Section}:ManagedIdentityClientId is missing: set it to the managed identity's client id (or, for local use, set {Section}:ClientId and {Section}:ClientSecret).");
            else if (string.IsNullOrWhiteSpace(options.ClientSecret))
                errors.Add($"{Section}:ClientSecret is missing: it is required with {Section}:ClientId.");
        }

        if (options.MailFallbackEnabled && !IsMailAddress(options.MailSender!))
            errors.Add($"{Section}:MailSender must be the sending mailbox's address (e.g. policybot@yourtrust.org.uk), not '{options.MailSender}'. Leave it empty to send no e-mail.");

        if (options.BaseUrl is not { IsAbsoluteUri: true } baseUrl || !(baseUrl.Scheme == Uri.UriSchemeHttps || baseUrl.IsLoopback))
            errors.Add($"{Section}:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0.");
        if (options.AuthorityHost is not { IsAbsoluteUri: true } authority || authority.Scheme != Uri.UriSchemeHttps)
            errors.Add($"{Section}:AuthorityHost must be an absolute https URL such as https://login.microsoftonline.com/.");

        if (options.MaxRetries is < 0 or > 10)
            errors.Add($"{Section}:MaxRetries must be between 0 and 10, not {options.MaxRetries}.");
        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromSeconds(180) || options.RetryDelay.Ticks % TimeSpan.TicksPerSecond != 0)
            errors.Add($"{Section}:RetryDelay must be whole seconds between 00:00:00 and 00:03:00, not {options.RetryDelay}.");
        if (options.MaxRetryWait <= TimeSpan.Zero)
            errors.Add($"{Section}:MaxRetryWait must be positive, not {options.MaxRetryWait}.");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    static bool IsMailAddress(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 3 && value.IndexOf('.', at) > at + 1
            && !value.Any(char.IsWhiteSpace);
    }
}
