using Microsoft.AspNetCore.Http.HttpResults;
using Serverless.WebApp.Hosting.Commands;
using Serverless.WebApp.Hosting.Tasks;

namespace MyWebApp.Orders;

/// <summary>The app's routes, its task and its management command.</summary>
public static class OrderEndpoints
{
    public const string ConfirmOrderTask = "confirm-order";
    public const string GreetCommand = "greet";

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => "MyWebApp is running. POST {\"sku\": \"BOOK-42\", \"quantity\": 2} to /orders.");
        app.MapPost("/orders", AcceptAsync);

        // Runs in the worker function on Lambda, in the app's own process locally.
        app.MapTask<OrderRequest>(ConfirmOrderTask, ConfirmAsync);

        // On Lambda: aws lambda invoke --payload '{"command":"greet","args":["you"]}'; locally: dotnet run -- manage greet you
        app.MapCommand(GreetCommand, GreetAsync);
        return app;
    }

    private static async Task<Results<Accepted<OrderAccepted>, ValidationProblem>> AcceptAsync(
        OrderRequest order, ITaskQueue tasks, CancellationToken cancellationToken)
    {
        var errors = order.Validate();
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "Invalid order");

        var orderId = await tasks.EnqueueAsync(ConfirmOrderTask, order, cancellationToken: cancellationToken);
        return TypedResults.Accepted($"/orders/{orderId}", new OrderAccepted(orderId, order.Sku!, order.Quantity));
    }

    private static Task ConfirmAsync(OrderRequest order, TaskContext context, CancellationToken cancellationToken)
    {
        var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrderEndpoints));
        logger.LogInformation("Confirming order {OrderId}: {Quantity} x {Sku}", context.TaskId, order.Quantity, order.Sku);
        context.SetResult(new OrderConfirmation(context.TaskId, order.Sku!, order.Quantity, DateTimeOffset.UtcNow),
            AppJsonContext.Default.OrderConfirmation);
        return Task.CompletedTask;
    }

    private static async Task<int> GreetAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var name = context.Args.Count > 0 ? context.Args[0] : "world";
        await context.Output.WriteLineAsync($"Hello, {name}, from MyWebApp.");
        return 0;
    }
}
