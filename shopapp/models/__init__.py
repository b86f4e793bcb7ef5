from .oauth import OAuthState
from .shops import Shop, ShopToken
from .staff import Agent, Role

__all__ = ["Agent", "OAuthState", "Role", "Shop", "ShopToken"]
