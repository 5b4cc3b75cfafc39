"""Notification letters of decided aids: the dashboard and letters (``views``) and their use
cases (``service``)."""
