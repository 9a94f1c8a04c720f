using System.Text.RegularExpressions;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Infra;

/// <summary>
/// Text checks of infra/main.bicep that hold its security settings in place (MainTemplateCompileTests compiles it
/// and checks the parameters file against the compiled template).
/// </summary>
public sealed class MainTemplateTests
{
    static readonly BicepText Template = new(File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "main.bicep")));

    [Fact]
    public void App_settings_wire_the_managed_identity_and_hold_no_key_or_secret()
    {
        var webApp = Template.Single("Microsoft.Web/sites");
        var settings = BicepText.WithoutComments(BicepText.BlockAfter(webApp.Body, "appSettings:"));
        var names = Regex.Matches(settings, @"name:\s*'([^']+)'").Select(m => m.Groups[1].Value).ToList();

        names.Should().Contain(["Bot__AppId", "Bot__TenantId", "Bot__ManagedIdentityClientId", "Storage__TableEndpoint",
            "Storage__ManagedIdentityClientId", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Schools__Path"]);
        // The Application Insights connection string only routes telemetry; any other connection string would carry a key.
        names.Where(n => n != "APPLICATIONINSIGHTS_CONNECTION_STRING")
            .Should().NotContain(n => Regex.IsMatch(n, "(?i)key|secret|password|connectionstring|sas"));
        settings.Should().NotContainAny("listKeys", "AccountKey=", "SharedAccessSignature", "primaryKey", "secret");
        BicepText.WithoutComments(Template.Text).Should().NotContainAny("listKeys(", "listKeySecrets(", "@secure()", "Microsoft.KeyVault");
    }

    [Fact]
    public void Storage_accepts_only_entra_id_over_tls_12_and_gives_the_identity_table_data_access()
    {
        var storage = Template.Single("Microsoft.Storage/storageAccounts").Body;
        storage.Should().Contain("allowSharedKeyAccess: false")
            .And.Contain("allowBlobPublicAccess: false")
            .And.Contain("minimumTlsVersion: 'TLS1_2'")
            .And.Contain("supportsHttpsTrafficOnly: true")
            .And.Contain("kind: 'StorageV2'");

        Template.Resources.Should().Contain(r => r.Type == "Microsoft.Storage/storageAccounts/tableServices");
        var roleAssignment = Template.Single("Microsoft.Authorization/roleAssignments").Body;
        Template.Text.Should().Contain("'0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'", "Storage Table Data Contributor");
        roleAssignment.Should().Contain("scope: storage").And.Contain("principalId: identity.properties.principalId");
    }

    [Fact]
    public void Bot_is_a_managed_identity_bot_on_the_web_app_with_teams_enabled()
    {
        var bot = Template.Single("Microsoft.BotService/botServices").Body;
        bot.Should().Contain("msaAppType: 'UserAssignedMSI'")
            .And.Contain("msaAppId: identity.properties.clientId")
            .And.Contain("msaAppMSIResourceId: identity.id")
            .And.Contain("msaAppTenantId:")
            .And.Contain("endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'");

        var channel = Template.Single("Microsoft.BotService/botServices/channels").Body;
        channel.Should().Contain("channelName: 'MsTeamsChannel'").And.Contain("isEnabled: true");
    }

    [Fact]
    public void Web_app_runs_dotnet_10_on_linux_https_only_as_the_managed_identity()
    {
        var webApp = Template.Single("Microsoft.Web/sites").Body;
        webApp.Should().Contain("linuxFxVersion: 'DOTNETCORE|10.0'")
            .And.Contain("httpsOnly: true")
            .And.Contain("minTlsVersion: '1.2'")
            .And.Contain("ftpsState: 'Disabled'")
            .And.Contain("alwaysOn: true")
            .And.Contain("type: 'UserAssigned'");
        Template.Single("Microsoft.Web/serverfarms").Body.Should().Contain("reserved: true");
    }

    [Fact]
    public void Every_resource_uses_a_released_api_version()
    {
        Template.Resources.Should().HaveCountGreaterThan(8);
        Template.Resources.Should().OnlyContain(r => Regex.IsMatch(r.ApiVersion, @"^\d{4}-\d{2}-\d{2}$"),
            "preview API versions can change under a school's deployment");
    }

    [Fact]
    public void Outputs_give_what_the_packaging_command_and_the_guide_need()
    {
        Template.Outputs.Should().Contain(["botEndpoint", "botAppId", "webAppHostName", "webAppName", "managedIdentityPrincipalId"]);
    }

    [Fact]
    public void Deployment_guide_reads_only_outputs_the_template_has_and_sets_only_its_app_settings()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "deploy.md"));
        var readOutputs = Regex.Matches(guide, @"\$\(out (\w+)\)").Select(m => m.Groups[1].Value).Distinct().ToList();
        var settings = Regex.Matches(Template.Single("Microsoft.Web/sites").Body, @"name:\s*'([^']+)'").Select(m => m.Groups[1].Value).ToList();
        var setInGuide = Regex.Matches(guide, @"--settings (\w+)=").Select(m => m.Groups[1].Value).ToList();

        readOutputs.Should().NotBeEmpty().And.OnlyContain(o => Template.Outputs.Contains(o));
        setInGuide.Should().NotBeEmpty().And.OnlyContain(s => settings.Contains(s));
        guide.Should().Contain("node tools/manifest/package.mjs --app-id $APP_ID --domain $HOST");
    }
}
