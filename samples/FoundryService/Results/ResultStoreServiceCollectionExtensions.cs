using Amazon.DynamoDBv2;
using Microsoft.Extensions.Options;

namespace FoundryService.Results;

public static class ResultStoreServiceCollectionExtensions
{
    /// <summary>DynamoDB when <see cref="FoundryOptions.ResultsTable"/> is set (on AWS), SQLite otherwise.</summary>
    public static IServiceCollection AddDnaResultStore(this IServiceCollection services)
    {
        services.AddSingleton<IDnaResultStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FoundryOptions>>();
            return options.Value.ResultsTable is null
                ? new SqliteDnaResultStore(options, sp.GetRequiredService<IHostEnvironment>())
                : new DynamoDbDnaResultStore(sp.GetRequiredService<IAmazonDynamoDB>(), options);
        });
        return services;
    }
}
