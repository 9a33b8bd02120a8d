namespace Serverless.WebApp.Constructs.Deployment;

/// <summary>
/// The code of a management-command hook (Python, inline in the template): invokes the web function's new version
/// with <c>{"command": …, "args": […]}</c> once (no retry: a command such as a migration must not run twice), passes
/// when the invocation has no function error and the answer's <c>exitCode</c> is 0, logs the answer, and always reports
/// <c>Succeeded</c> or <c>Failed</c> to CodeDeploy, so a failing command rolls the release back instead of waiting for
/// CodeDeploy's one-hour hook time-out.
/// </summary>
internal static class CommandHookCode
{
    public const string TargetVariable = "TARGET_VERSION_ARN";
    public const string EventVariable = "COMMAND_EVENT";
    public const string TimeoutVariable = "INVOKE_TIMEOUT_SECONDS";
    public const string Handler = "index.handler";

    public const string Source = """
        import json
        import os

        import boto3
        from botocore.config import Config

        LAMBDA = boto3.client("lambda", config=Config(
            read_timeout=int(os.environ["INVOKE_TIMEOUT_SECONDS"]), connect_timeout=10, retries={"total_max_attempts": 1}))
        CODEDEPLOY = boto3.client("codedeploy")


        def handler(event, context):
            target = os.environ["TARGET_VERSION_ARN"]
            command = os.environ["COMMAND_EVENT"]
            status = "Failed"
            try:
                answer = LAMBDA.invoke(FunctionName=target, Payload=command.encode("utf-8"))
                body = answer["Payload"].read().decode("utf-8", "replace")
                result = json.loads(body) if body else None
                passed = "FunctionError" not in answer and isinstance(result, dict) and result.get("exitCode") == 0
                print(json.dumps({"target": target, "command": json.loads(command), "passed": passed,
                                  "functionError": answer.get("FunctionError"), "answer": body[:20000]}))
                if passed:
                    status = "Succeeded"
            except Exception as error:
                print(json.dumps({"target": target, "command": json.loads(command), "passed": False, "error": repr(error)}))
            finally:
                CODEDEPLOY.put_lifecycle_event_hook_execution_status(
                    deploymentId=event["DeploymentId"],
                    lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
                    status=status)
            return status
        """;
}
