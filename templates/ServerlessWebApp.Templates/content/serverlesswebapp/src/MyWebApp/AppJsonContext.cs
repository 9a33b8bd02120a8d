using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using MyWebApp.Orders;

namespace MyWebApp;

/// <summary>Source-generated JSON for every type the app reads or writes (no reflection, Native AOT-safe).</summary>
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderAccepted))]
[JsonSerializable(typeof(OrderConfirmation))]
[JsonSerializable(typeof(HttpValidationProblemDetails))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
public sealed partial class AppJsonContext : JsonSerializerContext;
