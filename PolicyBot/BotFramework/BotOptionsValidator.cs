using Microsoft.Extensions.Options;

namespace PolicyBot.BotFramework;

/// <summary>Refuses to start with a configuration that could not authenticate, naming the key to fix.</summary>
public sealed class BotOptionsValidator : IValidateOptions<BotOptions>
{
    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        var failures = new List<string>();
        CheckUrl(failures, "Bot:OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(failures, "Bot:AuthorityHost", options.AuthorityHost);
        if (options.EntraOpenIdMetadataUrl is not null)
            CheckUrl(failures, "Bot:EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl);
        if (string.IsNullOrWhiteSpace(options.ConnectorScope))
            failures.Add("Bot:ConnectorScope must not be empty.");

        if (!options.IsDevelopmentMode)
        {
            if (string.IsNullOrWhiteSpace(options.TenantId))
                failures.Add("Bot:TenantId is required when Bot:AppId is set (the bot's Entra tenant id).");
            var credentials = new[] { options.ClientSecret, options.CertificatePath, options.ManagedIdentityClientId }
                .Count(v => !string.IsNullOrWhiteSpace(v));
            if (credentials == 0)
                failures.Add("Bot:AppId is set but no outbound credential is: set one of Bot:ClientSecret, Bot:CertificatePath or Bot:ManagedIdentityClientId.");
            else if (credentials > 1)
                failures.Add("Set only one of Bot:ClientSecret, Bot:CertificatePath and Bot:ManagedIdentityClientId.");
            if (!string.IsNullOrWhiteSpace(options.CertificatePath) && !File.Exists(options.CertificatePath))
                failures.Add($"Bot:CertificatePath '{options.CertificatePath}' does not exist.");
        }
        else if (!string.IsNullOrWhiteSpace(options.ClientSecret) || !string.IsNullOrWhiteSpace(options.CertificatePath) || !string.IsNullOrWhiteSpace(options.ManagedIdentityClientId))
        {
            failures.Add("A bot credential is configured but Bot:AppId is not: set Bot:AppId (or remove the credential to run in local development mode).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    static void CheckUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            failures.Add($"{key} must be an absolute http(s) URL (got '{value}').");
    }
}
