using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Graph.Users.Item.Teamwork.SendActivityNotification;
using GraphKeyValuePair = Microsoft.Graph.Models.KeyValuePair;

namespace PolicyBot.Graph;

/// <summary>Sends activity-feed notifications through Microsoft Graph, with the e-mail fallback.</summary>
public sealed class GraphNotifier : ITeamsNotifier
{
    readonly GraphServiceClient _graph;
    readonly IUserDirectory _directory;
    readonly GraphOptions _options;
    readonly ILogger<GraphNotifier> _logger;

    public GraphNotifier(GraphServiceClient graph, IUserDirectory directory, IOptions<GraphOptions> options, ILogger<GraphNotifier> logger)
    {
        _graph = graph;
        _directory = directory;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<NotificationResult> SendActivityNotificationAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAadObjectId);
        ArgumentNullException.ThrowIfNull(notification);

        var body = new SendActivityNotificationPostRequestBody
        {
            Topic = new TeamworkActivityTopic
            {
                Source = TeamworkActivityTopicSource.Text,
                Value = notification.Reference.Value,
                WebUrl = notification.WebUrl.ToString(),
            },
            ActivityType = notification.ActivityType,
            PreviewText = new ItemBody { Content = notification.PreviewText },
            TemplateParameters = notification.TemplateParameters
                .Select(p => new GraphKeyValuePair { Name = p.Key, Value = p.Value })
                .ToList(),
        };

        try
        {
            await _graph.Users[userAadObjectId].Teamwork.SendActivityNotification.PostAsync(body, cancellationToken: cancellationToken);
            GraphLog.NotificationSent(_logger, notification.ActivityType, notification.Reference.Value);
            return NotificationResult.Sent;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && GraphFailure.From(e) is { } failure)
        {
            if (failure.IsAppNotInstalled)
                return await FallBackToMailAsync(userAadObjectId, notification, cancellationToken);

            GraphLog.NotificationFailed(_logger, notification.ActivityType, notification.Reference.Value, failure.Description, failure.Retryable, failure.RetryAfter);
            return NotificationResult.Failed(failure.Description, failure.Retryable, failure.RetryAfter);
        }
    }

    public async Task<NotificationResult> SendMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userAadObjectId);
        ArgumentNullException.ThrowIfNull(notification);

        if (!_options.MailFallbackEnabled)
        {
            const string reason = "no e-mail sent: Graph:MailSender is not set";
            GraphLog.MailNotSent(_logger, notification.ActivityType, notification.Reference.Value, reason);
            return NotificationResult.NotConfigured(reason);
        }

        var recipient = await _directory.GetUserAsync(userAadObjectId, cancellationToken);
        if (recipient.Outcome is not DirectoryLookupOutcome.Found)
        {
            var reason = $"no e-mail sent: the recipient's address could not be looked up ({recipient.Reason})";
            GraphLog.MailFailed(_logger, notification.ActivityType, notification.Reference.Value, reason, recipient.Retryable);
            return NotificationResult.Failed(reason, recipient.Retryable);
        }
        if (string.IsNullOrWhiteSpace(recipient.User!.Mail))
        {
            const string reason = "no e-mail sent: the recipient has no mailbox";
            GraphLog.MailNotSent(_logger, notification.ActivityType, notification.Reference.Value, reason);
            return NotificationResult.Failed(reason, retryable: false);
        }

        var mail = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = NotificationMail.Subject(notification),
                Body = new ItemBody { ContentType = BodyType.Text, Content = NotificationMail.Body(notification) },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = recipient.User.Mail, Name = recipient.User.DisplayName } }],
            },
            SaveToSentItems = true,
        };

        try
        {
            await _graph.Users[_options.MailSender].SendMail.PostAsync(mail, cancellationToken: cancellationToken);
            return NotificationResult.SentByMail;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && GraphFailure.From(e) is { } failure)
        {
            var reason = $"e-mail not sent: {failure.Description}";
            GraphLog.MailFailed(_logger, notification.ActivityType, notification.Reference.Value, failure.Description, failure.Retryable);
            return NotificationResult.Failed(reason, failure.Retryable, failure.RetryAfter);
        }
    }

    async Task<NotificationResult> FallBackToMailAsync(string userAadObjectId, ActivityNotification notification, CancellationToken cancellationToken)
    {
        if (!_options.MailFallbackEnabled)
        {
            const string reason = "the app is not installed for the recipient and no e-mail fallback is configured (Graph:MailSender)";
            GraphLog.AppNotInstalled(_logger, notification.ActivityType, notification.Reference.Value, "no e-mail fallback configured");
            return NotificationResult.NotInstalled(reason);
        }

        var mailed = await SendMailAsync(userAadObjectId, notification, cancellationToken);
        if (mailed.Outcome is NotificationOutcome.SentByMail)
        {
            GraphLog.NotificationSentByMail(_logger, notification.ActivityType, notification.Reference.Value);
            return mailed;
        }
        if (mailed is { Outcome: NotificationOutcome.Failed, Retryable: false })
        {
            GraphLog.AppNotInstalled(_logger, notification.ActivityType, notification.Reference.Value, mailed.Reason!);
            return NotificationResult.NotInstalled($"the app is not installed for the recipient; {mailed.Reason}");
        }
        return mailed with { Reason = $"the app is not installed for the recipient; {mailed.Reason}" };
    }
}
