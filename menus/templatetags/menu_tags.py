from django import template

from menus.build import marked, site_menus

register = template.Library()


@register.simple_tag(takes_context=True)
def site_menu(context, location):
    """The menu at ``location`` ("header", "footer"), its current item marked."""
    request = context.get("request")
    return marked(site_menus(request)[location], request)
