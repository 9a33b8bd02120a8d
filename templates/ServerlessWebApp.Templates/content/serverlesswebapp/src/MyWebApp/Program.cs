using MyWebApp;
using MyWebApp.Orders;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddServerlessWebApp();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, AppJsonContext.Default));

var app = builder.Build();
app.MapOrders();
app.Run();
