"""Old addresses of the exported site: kept as redirects to the new pages (written in batches
with the import), and links between imported items pointed at their new addresses."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError

from redirects.models import Redirect
from redirects.services import redirect_check, same_place, site_path, with_and_without_slash

from .content import rewrite_links


class OldAddresses:
    """What ``Importer`` does with old addresses (a part of it, kept apart for reading)."""

    def redirect(self, old, target, label, *, path=""):
        """Keep ``old`` (an address of the exported site) as a redirect to the item ``target``
        or, without one, to ``path`` (an address of this site)."""
        old = site_path(old) if old else None
        address = target.get_absolute_url() if target is not None else path
        if old is None or same_place(old, address):
            return
        try:
            if target is None or self._may_loop(address):
                old, path = redirect_check(old=old, target=target, path=path)
            # else: a redirect to an address that leads nowhere else cannot loop
        except ValidationError as error:
            self.report.warn(label, f"old address {old} not redirected: {' '.join(error.messages)}")
            return
        kind = ContentType.objects.get_for_model(type(target)) if target is not None else None
        self._redirects.append(
            Redirect(
                old_path=old,
                content_type=kind,
                object_id=target.pk if target is not None else None,
                target_path=path,
                status=Redirect.Status.MOVED,
                source=Redirect.Source.IMPORT,
            )
        )

    def _may_loop(self, address):
        """Whether redirects are kept at ``address`` (then each redirect to it is checked for
        loops in full); asked once per address."""
        if self._loop_checked[0] != address:
            here = site_path(address)
            kept = (
                here is None
                or Redirect.objects.filter(old_path__in=with_and_without_slash(here)).exists()
            )
            self._loop_checked = (address, kept)
        return self._loop_checked[1]

    def links_home(self, body):
        return (
            any(f"//{host}" in body for host in self.scan.hosts)
            or 'href="/' in body
            or ('href="?' in body)
        )

    # After all items: links between them

    def _relink(self):
        """Point links between imported items at their new addresses."""

        def new_address(href):
            path = self._home_path(href)
            if path is None:
                return None
            redirect = Redirect.objects.filter(old_path=path, status=301).first()
            return redirect.target_url() if redirect is not None else None

        for model, pk, field_name in self.relinks:
            body = model.objects.filter(pk=pk).values_list(field_name, flat=True).first()
            if body is None:
                continue
            relinked = rewrite_links(body, new_address)
            if relinked != body:
                model.objects.filter(pk=pk).update(**{field_name: relinked})

    def _home_path(self, href):
        href = href.strip()
        if href.startswith("//") or "://" in href:
            host = href.split("//", 1)[1].split("/", 1)[0].split(":")[0].lower()
            if host not in self.scan.hosts:
                return None
        elif not href.startswith(("/", "?")):
            return None
        return site_path(href if not href.startswith("?") else f"/{href}")
