using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.WebApp.Contract;

namespace Serverless.WebApp.Hosting.Tasks.Aws;

/// <summary>Keeps payloads too large for an SQS message in the construct's payload bucket.</summary>
internal sealed class S3TaskPayloadStore : ITaskPayloadStore
{
    private const string KeyPrefix = "task-payloads/";

    private readonly IServiceProvider _services;
    private readonly ServerlessWebAppTaskOptions _options;

    // The S3 client is resolved on first use: most apps never offload a payload and need no S3 client at all.
    public S3TaskPayloadStore(IServiceProvider services, IOptions<ServerlessWebAppTaskOptions> options)
    {
        _services = services;
        _options = options.Value;
    }

    public string? Bucket => _options.PayloadBucket is { Length: > 0 } bucket ? bucket : null;

    private IAmazonS3 S3 => _services.GetRequiredService<IAmazonS3>();

    public async Task<TaskPayloadReference> PutAsync(string taskId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var bucket = Bucket ?? throw new InvalidOperationException($"No payload bucket: set {SwaEnvironment.TaskPayloadBucket}.");
        var key = KeyPrefix + taskId + ".json";
        using var body = new MemoryStream(payload.ToArray(), writable: false);
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = body,
            ContentType = "application/json",
        }, cancellationToken).ConfigureAwait(false);
        return new TaskPayloadReference(bucket, key);
    }

    public async Task<byte[]> GetAsync(TaskPayloadReference reference, CancellationToken cancellationToken)
    {
        // Only the configured bucket and prefix are read: a message cannot point the worker at other objects.
        if (Bucket is null || reference.Bucket != Bucket || !reference.Key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            throw new TaskPayloadException(
                $"The payload reference s3://{reference.Bucket}/{reference.Key} is outside the task payload bucket " +
                $"({SwaEnvironment.TaskPayloadBucket}={Bucket ?? "unset"}, prefix {KeyPrefix}).");
        }
        using var response = await S3.GetObjectAsync(reference.Bucket, reference.Key, cancellationToken).ConfigureAwait(false);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }
}
