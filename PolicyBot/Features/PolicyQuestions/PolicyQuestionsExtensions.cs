using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Workflow;

namespace PolicyBot.Features.PolicyQuestions;

public static class PolicyQuestionsExtensions
{
    public static IHostApplicationBuilder AddPolicyQuestions(this IHostApplicationBuilder builder)
    {
        builder.Services.AddTable(QuestionEntity.TableName);
        builder.Services.TryAddSingleton<PrivateChat>();
        builder.Services.AddOutboxTable(AskPersonEntity.TableName);
        builder.Services.AddSingleton<PolicyQuestionsHandler>();
        return builder;
    }
}
