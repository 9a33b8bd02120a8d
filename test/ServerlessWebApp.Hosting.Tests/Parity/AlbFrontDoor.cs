using System.Text.Json;
using System.Text.Json.Nodes;

namespace Serverless.WebApp.Hosting.Tests.Parity;

/// <summary>
/// An Application Load Balancer target group, with or without multi-value headers: path and query as the client
/// encoded them, header names lower-cased; without multi-value headers only the last value of a repeated header or
/// query parameter arrives, and the answer's <c>headers</c> carry one value per name.
/// </summary>
internal sealed class AlbFrontDoor(bool multiValue) : IFrontDoor
{
    public FrontDoorKind Kind => multiValue ? FrontDoorKind.AlbMultiValue : FrontDoorKind.AlbSingleValue;

    public string Host => "internal-app-123456.us-east-1.elb.amazonaws.com";

    public string BuildEvent(ParityRequest request, MutualTls? clientCertificate)
    {
        var headers = FrontDoorParts.Headers(request, Host, lowerCase: true);
        var query = FrontDoorParts.RawQueryPairs(request.Query).ToList();
        var (body, isBase64) = FrontDoorParts.Body(request, asBase64: !request.BodyIsText);
        var lambdaEvent = new JsonObject
        {
            ["requestContext"] = new JsonObject
            {
                ["elb"] = new JsonObject { ["targetGroupArn"] = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/0123456789abcdef" },
            },
            ["httpMethod"] = request.Method,
            ["path"] = request.Path,
        };
        if (multiValue)
        {
            lambdaEvent["multiValueQueryStringParameters"] = FrontDoorParts.Grouped(query, s => s, multiValue: true) ?? new JsonObject();
            lambdaEvent["multiValueHeaders"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)new JsonArray(h.Values.Select(v => (JsonNode?)v).ToArray()))));
        }
        else
        {
            lambdaEvent["queryStringParameters"] = FrontDoorParts.Grouped(query, s => s, multiValue: false) ?? new JsonObject();
            lambdaEvent["headers"] = new JsonObject(headers.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)h.Values[^1])));
        }
        lambdaEvent["body"] = body ?? "";
        lambdaEvent["isBase64Encoded"] = isBase64;
        return lambdaEvent.ToJsonString();
    }

    public ClientResponse ReadResponse(JsonElement response)
    {
        var headers = multiValue ? FrontDoorParts.MultiValueHeaders(response) : FrontDoorParts.SingleValueHeaders(response);
        return new ClientResponse(response.GetProperty("statusCode").GetInt32(), headers.ToList(), FrontDoorParts.ResponseBody(response));
    }
}
