using MvcCatalog.Catalog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddServerlessWebApp();
builder.Services.AddControllers(mvc => mvc.Filters.Add<RequestTimingFilter>());
builder.Services.AddSingleton<CatalogStore>();
builder.Services.AddScoped<RequestTimingFilter>();

var app = builder.Build();
app.MapControllers();
app.Run();
