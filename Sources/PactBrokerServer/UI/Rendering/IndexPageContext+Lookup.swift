import Mustache

// The index page renders up to a page of rows with about twenty values each; Mustache's default lookup reflects
// (`Mirror`) over the whole row for every value, which took most of the page's time on a 100-row page. These
// conformances answer by name instead. A nil optional answers nil ("no value"), as Mustache's own lookup treats it.

extension IndexPageContext.Row: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "consumer": consumer
        case "provider": provider
        case "consumerURL": consumerURL
        case "providerURL": providerURL
        case "pactURL": pactURL
        case "matrixURL": matrixURL
        case "published": published
        case "publishedExact": publishedExact
        case "publishedISO": publishedISO
        case "statusClass": statusClass
        case "statusName": statusName
        case "statusLabel": statusLabel
        case "verified": verified
        case "verifiedISO": verifiedISO
        case "tooltip": tooltip
        case "contractComparisonURL": contractComparisonURL
        case "pactPending": pactPending
        case "warning": warning
        case "webhookClass": webhookClass
        case "webhookLabel": webhookLabel
        case "webhookExact": webhookExact
        default: nil
        }
    }
}

extension IndexPageContext: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "rows": rows
        case "hasRows": hasRows
        case "anyIntegrations": anyIntegrations
        case "count": count
        case "search": search
        case "searchAction": searchAction
        case "error": error
        case "previousURL": previousURL
        case "nextURL": nextURL
        case "pageText": pageText
        default: nil
        }
    }
}
