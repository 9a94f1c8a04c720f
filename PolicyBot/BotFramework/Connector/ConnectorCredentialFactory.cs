using Azure.Core;
using Azure.Core.Pipeline;
using System.Security.Cryptography.X509Certificates;
using Azure.Identity;

namespace PolicyBot.BotFramework.Connector;

/// <summary>
/// The bot's outbound credential from <see cref="BotOptions"/>: client secret, certificate or managed identity,
/// issued by the bot's own tenant at <see cref="BotOptions.AuthorityHost"/>. None in local development mode.
/// </summary>
public static class ConnectorCredentialFactory
{
    /// <param name="transport">Overrides the HTTP transport (tests point it at a local token endpoint over TLS).</param>
    public static TokenCredential? Create(BotOptions options, HttpPipelineTransport? transport = null)
    {
        if (options.IsDevelopmentMode)
            return null;
        var authorityHost = new Uri(options.AuthorityHost);
        if (!string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            var secretOptions = new ClientSecretCredentialOptions { AuthorityHost = authorityHost, DisableInstanceDiscovery = IsCustomAuthority(authorityHost) };
            if (transport is not null)
                secretOptions.Transport = transport;
            return new ClientSecretCredential(options.TenantId, options.AppId, options.ClientSecret, secretOptions);
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificateOptions = new ClientCertificateCredentialOptions { AuthorityHost = authorityHost, DisableInstanceDiscovery = IsCustomAuthority(authorityHost), SendCertificateChain = true };
            if (transport is not null)
                certificateOptions.Transport = transport;
            // A PFX with an optional password; a PEM file (certificate + key) when no password is given.
            var certificate = options.CertificatePath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(options.CertificatePath)
                : X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
            return new ClientCertificateCredential(options.TenantId, options.AppId, certificate, certificateOptions);
        }
        var managedOptions = new ManagedIdentityCredentialOptions(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId!)) { AuthorityHost = authorityHost };
        if (transport is not null)
            managedOptions.Transport = transport;
        return new ManagedIdentityCredential(managedOptions);
    }

    // Entra's own hosts are validated by instance discovery; a stand-in or sovereign host configured on purpose is not.
    static bool IsCustomAuthority(Uri authorityHost) =>
        authorityHost != AzureAuthorityHosts.AzurePublicCloud
        && authorityHost != AzureAuthorityHosts.AzureGovernment
        && authorityHost != AzureAuthorityHosts.AzureChina;
}
