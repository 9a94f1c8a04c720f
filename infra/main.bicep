// PolicyBot for one school or a whole trust, in one resource group:
//   user-assigned managed identity  the bot's identity (Bot Service, Bot Connector, Graph, Table Storage)
//   Azure Bot                       managed-identity bot (msaAppType UserAssignedMSI), Teams channel on
//   App Service (Linux, .NET 10)    runs PolicyBot; every outbound call uses the managed identity
//   Storage account (tables)        workflow state; shared keys off, the identity has table data access
//   Application Insights            workspace-based, with its Log Analytics workspace
// No Key Vault: with a managed identity no secret remains to keep.
//
//   az deployment group create -g <resource group> -f infra/main.bicep -p infra/main.parameters.json

targetScope = 'resourceGroup'

@description('Short lowercase name used to build resource names, e.g. policybot or oaktrust-bot.')
@minLength(3)
@maxLength(16)
param baseName string = 'policybot'

@description('Azure region for everything except the bot registration (which is global).')
param location string = resourceGroup().location

@description('App Service plan size. B1 is enough for a school or a small trust; Always On needs Basic or higher.')
@allowed(['B1', 'B2', 'B3', 'S1', 'P0v3', 'P1v3'])
param appServicePlanSku string = 'B1'

@description('Azure Bot pricing tier. Teams is a standard channel: messages to it are free on both tiers.')
@allowed(['F0', 'S1'])
param botSku string = 'F0'

@description('Name shown for the bot in Azure. The name people see in Teams comes from the app package.')
param botDisplayName string = 'PolicyBot'

@description('Folder on the web app holding one YAML file per school (and their policy documents). /home is persistent storage on App Service for Linux.')
param schoolsPath string = '/home/policybot/schools'

@description('Mailbox PolicyBot sends fallback e-mail from (Graph sendMail). Leave empty to send no e-mail.')
param mailSenderAddress string = ''

@description('Storage redundancy. Standard_ZRS keeps the data through a zone outage where the region has zones.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS'])
param storageSku string = 'Standard_LRS'

@description('Tags applied to every resource, e.g. { "service": "PolicyBot", "owner": "Trust IT" }.')
param tags object = {}

var suffix = uniqueString(resourceGroup().id, baseName)
var webAppName = '${baseName}-${suffix}'
var botName = '${baseName}-bot-${suffix}'
// Storage names: 3-24 lowercase letters and digits, globally unique.
var storageName = take('${toLower(replace(baseName, '-', ''))}${suffix}', 24)
// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${baseName}-id-${suffix}'
  location: location
  tags: tags
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${baseName}-logs-${suffix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${baseName}-ai-${suffix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: storageSku }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource tableDataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${baseName}-plan-${suffix}'
  location: location
  tags: tags
  kind: 'linux'
  sku: { name: appServicePlanSku }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identity.id}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Identity: the managed identity is the bot's Microsoft App ID and its credential for every call.
        { name: 'Bot__AppId', value: identity.properties.clientId }
        { name: 'Bot__TenantId', value: identity.properties.tenantId }
        { name: 'Bot__ManagedIdentityClientId', value: identity.properties.clientId }
        { name: 'AZURE_CLIENT_ID', value: identity.properties.clientId }
        // Table Storage through Entra ID; there is no connection string or account key.
        { name: 'Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'Storage__ManagedIdentityClientId', value: identity.properties.clientId }
        // Graph: activity-feed notifications, directory look-ups, fallback e-mail.
        { name: 'Graph__TenantId', value: identity.properties.tenantId }
        { name: 'Graph__ManagedIdentityClientId', value: identity.properties.clientId }
        { name: 'Graph__MailSender', value: mailSenderAddress }
        // The connection string only routes telemetry to this resource; Microsoft documents it as not a secret.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: appInsights.properties.ConnectionString }
        { name: 'Schools__Path', value: schoolsPath }
      ]
    }
  }
}

// FTP is not used (deployments go through `az webapp deploy`), so basic-auth FTP publishing is switched off.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: webApp
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: { name: botSku }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppType: 'UserAssignedMSI'
    msaAppId: identity.properties.clientId
    msaAppMSIResourceId: identity.id
    msaAppTenantId: identity.properties.tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The messaging endpoint registered with the Azure Bot.')
output botEndpoint string = bot.properties.endpoint

@description('The bot\'s Microsoft App ID (the managed identity\'s client id): pass it to the packaging command as --app-id.')
output botAppId string = identity.properties.clientId

@description('The web app\'s host name: pass it to the packaging command as --domain.')
output webAppHostName string = webApp.properties.defaultHostName

@description('The web app\'s name, for az webapp deploy.')
output webAppName string = webApp.name

@description('The managed identity\'s service principal (object) id: Graph application permissions are granted to it.')
output managedIdentityPrincipalId string = identity.properties.principalId

@description('The Table Storage endpoint the bot uses.')
output storageTableEndpoint string = storage.properties.primaryEndpoints.table

@description('The tenant the bot and its identity belong to.')
output tenantId string = identity.properties.tenantId
