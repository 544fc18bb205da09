using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace FilingTui.Core.Import.Edgar;

/// <summary>
/// What a web page wraps around the document it carries: navigation, banners, sidebars, forms, share buttons,
/// cookie notices, footers. The rules are the page's own markup (HTML5 sections, ARIA roles, the words of its class
/// and id names) and never its site; an element that holds most of the page's text is never chrome, whatever it is
/// called, because some sites wrap the whole page in a form or a "header" class.
/// </summary>
internal static partial class PageChrome
{
    /// <summary>Elements that are chrome wherever they are: they hold controls or asides, never a release's text.</summary>
    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "aside", "form", "button", "select", "textarea", "dialog", "menu", "iframe", "frameset", "input", "label", "canvas", "audio", "video",
    };

    /// <summary>ARIA landmarks and widgets that are not the document's content.</summary>
    private static readonly HashSet<string> Roles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar", "tablist", "form",
    };

    /// <summary>Words of class and id names that web pages give their chrome.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "footer", "masthead", "sidebar", "widget",
        "share", "sharing", "social", "cookie", "cookies", "consent", "gdpr", "onetrust", "banner", "subscribe", "newsletter", "signup",
        "login", "popup", "modal", "overlay", "pagination", "pager", "skip", "promo", "sponsor", "advert", "toolbar",
    };

    /// <summary>Words that mark a document's content; a name that has one is not chrome ("article-header").</summary>
    private static readonly HashSet<string> ContentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "article", "content", "main", "body", "story", "release", "post", "entry", "text", "document",
    };

    [GeneratedRegex(@"[a-zA-Z]+")]
    private static partial Regex Word();

    /// <summary>
    /// Whether <paramref name="e"/> is chrome. <paramref name="share"/> is the part of the page's text it holds;
    /// past half, it is the page's content wrapper.
    /// </summary>
    public static bool IsChrome(IElement e, double share)
    {
        if (share > 0.5)
        {
            return false;
        }

        var name = e.LocalName;
        if (Elements.Contains(name))
        {
            return true;
        }

        // A page's own header and footer; an article's or section's header holds its title and stays.
        if (name is "header" or "footer" && !InSection(e))
        {
            return true;
        }

        if (e.GetAttribute("role") is string role && Roles.Contains(role.Trim()))
        {
            return true;
        }

        return NamedChrome(e.GetAttribute("class")) || NamedChrome(e.Id);
    }

    private static bool NamedChrome(string? names)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 400)
        {
            return false;
        }

        var chrome = false;
        foreach (Match m in Word().Matches(names))
        {
            if (ContentWords.Contains(m.Value))
            {
                return false;
            }

            chrome |= Words.Contains(m.Value);
        }

        return chrome;
    }

    /// <summary>Inside an article, a section or the main content; looks up a bounded number of ancestors.</summary>
    private static bool InSection(IElement e)
    {
        var up = e.ParentElement;
        for (var i = 0; up is not null && i < 64; i++, up = up.ParentElement)
        {
            if (up.LocalName is "article" or "section" or "main" || up.GetAttribute("role") == "main")
            {
                return true;
            }
        }

        return false;
    }
}
